import { type CivilDate, compareDates } from '../../domain/civil-date';
import { type MemberRole, leadSocialWorkerOf } from '../../domain/core-group';
import type { Obligation } from '../../domain/obligations';
import type { Caller } from '../authorise';
import type { ConcernRepository } from '../ports/store.port';
import { type StatusDeps, statusesOf } from './status-of';

export interface TeamViewDeps extends StatusDeps {
  readonly concerns: Pick<ConcernRepository, 'listByCoreGroups'>;
}

/**
 * The roles whose holder oversees a core group rather than works it: the team manager named on
 * the case, and the chair of its conferences. Their team is the groups they hold one of these in.
 */
export const OVERSEEING_ROLES: readonly MemberRole[] = ['team-manager', 'conference-chair'];

/** One case of the team, as its manager or chair sees it: counts only, never the child's name. */
export interface TeamCase {
  readonly coreGroupId: string;
  readonly caseReference: string;
  /** The active lead social worker's display name; undefined when the group has none. */
  readonly leadSocialWorker: string | undefined;
  readonly overdue: number;
  readonly atRisk: number;
  /** Open deadlines (not overdue) falling from today to the end of this week (Sunday). */
  readonly dueThisWeek: number;
  readonly openConcerns: number;
  /** Plan actions blocked now (their owner's latest check-in said blocked). */
  readonly blockedActions: number;
}

const countStatus = (obligations: readonly Obligation[], status: Obligation['status']) => obligations.filter((obligation) => obligation.status === status).length;

function dueThisWeek(obligations: readonly Obligation[], today: CivilDate): number {
  const sunday = today.add({ days: 7 - today.dayOfWeek });
  return obligations.filter((obligation) => obligation.status !== 'met' && obligation.status !== 'overdue' && compareDates(obligation.due, today) >= 0 && compareDates(obligation.due, sunday) <= 0).length;
}

/** By lead social worker, then case reference; cases without a lead last. */
const byLeadThenCase = (a: TeamCase, b: TeamCase) => (a.leadSocialWorker ?? '\uffff').localeCompare(b.leadSocialWorker ?? '\uffff') || a.caseReference.localeCompare(b.caseReference);

/**
 * Every core group the caller oversees (team manager or conference chair on it), by lead social
 * worker: overdue, at-risk and this week's deadlines, open concerns and blocked actions. Each
 * group's status is authorised as view-compliance and audited; the groups are read together (one
 * query per table, see `readCaseRecords`).
 */
export async function teamView(deps: TeamViewDeps, caller: Caller): Promise<TeamCase[]> {
  const today = deps.clock.today();
  const overseen = (await deps.coreGroups.listCaseload(caller.tenantId, caller.aadObjectId)).filter(({ member }) => OVERSEEING_ROLES.includes(member.role));
  const ids = overseen.map(({ coreGroup }) => coreGroup.id);
  const [statuses, members, concerns] = await Promise.all([statusesOf(deps, { caller, memberships: overseen, booked: false }), deps.coreGroups.membersOfEach(ids), deps.concerns.listByCoreGroups(ids)]);
  return statuses
    .map(({ status }): TeamCase => ({
      coreGroupId: status.coreGroup.id,
      caseReference: status.coreGroup.caseReference,
      leadSocialWorker: leadSocialWorkerOf(members.get(status.coreGroup.id) ?? [])?.displayName,
      overdue: countStatus(status.obligations, 'overdue'),
      atRisk: countStatus(status.obligations, 'at-risk'),
      dueThisWeek: dueThisWeek(status.obligations, today),
      openConcerns: (concerns.get(status.coreGroup.id) ?? []).filter((concern) => concern.status === 'open').length,
      blockedActions: status.actions.filter((action) => action.state === 'blocked').length,
    }))
    .sort(byLeadThenCase);
}
