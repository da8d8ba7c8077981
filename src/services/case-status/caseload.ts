import { compareDates } from '../../domain/civil-date';
import type { CaseloadEntry } from '../../domain/core-group';
import { type CaseTimeline, pressingCount } from '../../domain/obligations';
import { can } from '../../domain/permissions';
import { type CheckIn, type PlanAction, currentActions, openActionsOwnedBy } from '../../domain/plan';
import { type Caller, authorise } from '../authorise';
import { type CoreGroupStatus, type StatusDeps, rankStatuses, showStatuses, statusesOf } from './status-of';

/** One of the caller's own open actions, with the case it belongs to. */
export interface OwnAction {
  readonly coreGroupId: string;
  readonly caseReference: string;
  readonly action: PlanAction & { lastCheckIn?: CheckIn | undefined };
}

type Membership = CaseloadEntry;

/** Family members and the child never see compliance: their groups are left out of their status, not refused. */
const seesStatus = ({ member }: Membership) => can({ role: member.role }, 'view-compliance');

/** How many of a case's deadlines are overdue or at risk: the more, the higher it comes. */
const pressing = (status: Pick<CoreGroupStatus, 'obligations'>) => pressingCount(status.obligations);

const soonestDueFirst = (actions: readonly OwnAction[]) => [...actions].sort((a, b) => compareDates(a.action.due, b.action.due));

/**
 * The caller's open actions in the groups where their role has actions to check in on and whose
 * plan has not ended (each authorised and audited). `actions`: each group's current actions when this request already read
 * them; the others' plans and check-ins are read together.
 */
async function ownActionsIn(deps: StatusDeps, request: { caller: Caller; memberships: readonly Membership[]; actions?: ReadonlyMap<string, CoreGroupStatus['actions']> }): Promise<OwnAction[]> {
  const { caller } = request;
  // A plan that has ended asks nothing more of anyone: its actions are no longer checked in on.
  const mine = request.memberships.filter(({ coreGroup, member }) => !coreGroup.planEndedOn && can({ role: member.role }, 'check-in-own-action'));
  await Promise.all(mine.map((known) => authorise(deps, { caller, coreGroupId: known.coreGroup.id, action: 'check-in-own-action', known })));
  const unread = mine.filter(({ coreGroup }) => !request.actions?.has(coreGroup.id)).map(({ coreGroup }) => coreGroup.id);
  const [plans, checkIns] = unread.length > 0 ? await Promise.all([deps.plans.currentOfEach(unread), deps.checkIns.listByCoreGroups(unread)]) : [new Map(), new Map()];
  return mine.flatMap(({ coreGroup, member }) => {
    const actions = request.actions?.get(coreGroup.id) ?? currentActions(plans.get(coreGroup.id)?.actions ?? [], checkIns.get(coreGroup.id) ?? []);
    return openActionsOwnedBy(actions, member.id).map((action) => ({ coreGroupId: coreGroup.id, caseReference: coreGroup.caseReference, action }));
  });
}

/**
 * The core groups the caller is an active member of (not as family or child), most pressing
 * first, and how many there are. `bookedSeriesUpTo`: read each group's booked meeting series only
 * when the caller has at most this many such groups (a caseload view that shows a line a case
 * does not show them). `shown`: return (and audit as seen) only the most pressing this many;
 * `pressingNotShown` counts the others with a deadline overdue or at risk.
 */
export async function myStatus(deps: StatusDeps, caller: Caller, options: { bookedSeriesUpTo?: number; shown?: number } = {}): Promise<{ statuses: CoreGroupStatus[]; total: number; pressingNotShown: number }> {
  const memberships = (await deps.coreGroups.listCaseload(caller.tenantId, caller.aadObjectId)).filter(seesStatus);
  const booked = memberships.length <= (options.bookedSeriesUpTo ?? Number.POSITIVE_INFINITY);
  const ranked = await rankStatuses(deps, { caller, memberships, pressing });
  const shown = ranked.slice(0, options.shown ?? ranked.length);
  const statuses = await showStatuses(deps, { caller, shown, booked });
  return { statuses: statuses.map((entry) => entry.status), total: memberships.length, pressingNotShown: ranked.slice(shown.length).filter((entry) => entry.weight > 0).length };
}

/** The caller's own open actions across their core groups, soonest due first. */
export async function myActions(deps: StatusDeps, caller: Caller): Promise<OwnAction[]> {
  const memberships = await deps.coreGroups.listCaseload(caller.tenantId, caller.aadObjectId);
  return soonestDueFirst(await ownActionsIn(deps, { caller, memberships }));
}

/**
 * `myStatus` and `myActions` together (the dashboard), from one read of each group: the groups,
 * the caller's membership and each plan are read once; each view is still authorised and
 * audited for what it shows.
 */
export async function caseload(deps: StatusDeps, caller: Caller): Promise<{ statuses: { status: CoreGroupStatus; timeline: CaseTimeline }[]; myActions: OwnAction[] }> {
  const memberships = await deps.coreGroups.listCaseload(caller.tenantId, caller.aadObjectId);
  const statuses = await statusesOf(deps, { caller, memberships: memberships.filter(seesStatus), booked: true, pressing });
  const actions = new Map(statuses.map(({ status }) => [status.coreGroup.id, status.actions]));
  return { statuses, myActions: soonestDueFirst(await ownActionsIn(deps, { caller, memberships, actions })) };
}
