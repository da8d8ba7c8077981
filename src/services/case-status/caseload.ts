import { compareDates } from '../../domain/civil-date';
import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { type CaseTimeline, pressingCount } from '../../domain/obligations';
import { can } from '../../domain/permissions';
import { type CheckIn, type PlanAction, currentActions, openActionsOwnedBy } from '../../domain/plan';
import { type Caller, authorise } from '../authorise';
import { type CoreGroupStatus, type StatusDeps, statusOf } from './status-of';

/** One of the caller's own open actions, with the case it belongs to. */
export interface OwnAction {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly action: PlanAction & { lastCheckIn?: CheckIn | undefined };
}

/** Family members and the child never see compliance: their groups are left out of their status, not refused. */
const seesStatus = (member: CoreGroupMember | undefined) => !member || can({ role: member.role }, 'view-compliance');

const mostPressingFirst = <T extends { status: CoreGroupStatus }>(read: readonly (T | undefined)[]) =>
  read.filter((entry): entry is T => entry !== undefined).sort((a, b) => pressingCount(b.status.obligations) - pressingCount(a.status.obligations));

const soonestDueFirst = (actions: readonly OwnAction[]) => [...actions].sort((a, b) => compareDates(a.action.due, b.action.due));

/**
 * The caller's open actions in one of their groups, when their role there has actions to check
 * in on. `member`, `actions`: the membership and the plan's current actions when this request
 * already read them.
 */
async function ownActionsIn(deps: StatusDeps, request: { caller: Caller; group: CoreGroup; member?: CoreGroupMember | undefined; actions?: CoreGroupStatus['actions'] | undefined }): Promise<OwnAction[]> {
  const { caller, group } = request;
  const { member } = await authorise(deps, { caller, coreGroupId: group.id, action: 'check-in-own-action', known: { coreGroup: group, member: request.member } }).catch((error: unknown) => (error instanceof ForbiddenError || error instanceof NotFoundError ? { member: undefined } : Promise.reject(error)));
  if (!member) return [];
  const actions = request.actions ?? (await readActions(deps, group.id));
  return openActionsOwnedBy(actions, member.id).map((action) => ({ coreGroupId: group.id, caseReference: group.caseReference, action }));
}

async function readActions(deps: StatusDeps, coreGroupId: string) {
  const [plan, checkIns] = await Promise.all([deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId)]);
  return currentActions(plan?.actions ?? [], checkIns);
}

/** Every core group the caller is an active member of (not as family or child), most pressing first. */
export async function myStatus(deps: StatusDeps, caller: Caller): Promise<CoreGroupStatus[]> {
  const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
  // The groups are read together, not one after another: PostgreSQL round trips overlap, and
  // the audit entries of all of them share one commit (see createAuditLog) instead of one each.
  const read = await Promise.all(
    groups.map(async (group) => {
      const member = await deps.coreGroups.findMember(group.id, caller.aadObjectId);
      return seesStatus(member) ? statusOf(deps, { caller, coreGroupId: group.id, known: { coreGroup: group, member } }) : undefined;
    }),
  );
  return mostPressingFirst(read).map((entry) => entry.status);
}

/** The caller's own open actions across their core groups, soonest due first. */
export async function myActions(deps: StatusDeps, caller: Caller): Promise<OwnAction[]> {
  const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
  const mine: OwnAction[] = [];
  for (const group of groups) mine.push(...(await ownActionsIn(deps, { caller, group })));
  return soonestDueFirst(mine);
}

/**
 * `myStatus` and `myActions` together (the dashboard), from one read of each group: the groups,
 * the caller's membership and each plan are read once; each view is still authorised and
 * audited for what it shows.
 */
export async function caseload(deps: StatusDeps, caller: Caller): Promise<{ statuses: { status: CoreGroupStatus; timeline: CaseTimeline }[]; myActions: OwnAction[] }> {
  const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
  const read = await Promise.all(
    groups.map(async (group) => {
      const member = await deps.coreGroups.findMember(group.id, caller.aadObjectId);
      const judged = seesStatus(member) ? await statusOf(deps, { caller, coreGroupId: group.id, known: { coreGroup: group, member } }) : undefined;
      return { judged, mine: await ownActionsIn(deps, { caller, group, member, actions: judged?.status.actions }) };
    }),
  );
  return { statuses: mostPressingFirst(read.map((entry) => entry.judged)), myActions: soonestDueFirst(read.flatMap((entry) => entry.mine)) };
}
