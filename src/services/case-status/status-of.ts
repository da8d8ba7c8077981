import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { type CaseTimeline, type Obligation, computeObligations } from '../../domain/obligations';
import { type CheckIn, type PlanAction, currentActions, isOpen } from '../../domain/plan';
import { type Signal, detectSignals } from '../../domain/signals';
import { type Caller, authorise } from '../authorise';
import { heldMeetingAttendance } from '../held-meetings';
import { type BookedSeries, type BookedSeriesDeps, bookedSeriesOf } from '../scheduling/booked-series';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';

export interface StatusDeps extends PolicyDeps, BookedSeriesDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'listForMember' | 'members'>;
  readonly plans: Pick<PlanRepository, 'current'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimeline' | 'listByCoreGroup' | 'invitations'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'deliveries'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
}

/** A core group as its member sees it: deadlines, signals and the plan's actions with their latest check-in. */
export interface CoreGroupStatus {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference' | 'policyId'>;
  readonly role: CoreGroupMember['role'];
  readonly obligations: readonly Obligation[];
  readonly signals: readonly Signal[];
  readonly actions: readonly (PlanAction & { readonly lastCheckIn?: CheckIn | undefined })[];
  /** The meeting series booked and still running, if any. */
  readonly booked?: BookedSeries | undefined;
}

/**
 * One core group's status for a member: obligations judged today, drift and attendance signals,
 * the booked meeting series, and the plan's actions — with the case timeline they were judged from, so what is shown beside
 * them is not read again. Authorised (view-compliance) and audited; `known`: the group and the
 * caller's membership when this request already read them.
 */
export async function statusOf(
  deps: StatusDeps,
  request: { caller: Caller; coreGroupId: string; known?: { coreGroup: CoreGroup; member: CoreGroupMember | undefined } },
): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }> {
  const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'view-compliance', known: request.known });
  const { profile, calendar } = policyOf(deps, coreGroup);
  const asOf = deps.clock.today();
  const [timeline, plan, checkIns] = await Promise.all([deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
  const [heldMeetings, booked] = await Promise.all([heldMeetingAttendance(deps.minutes, timeline.meetings), bookedSeriesOf(deps, { coreGroupId: coreGroup.id, meetings: timeline.meetings })]);
  const obligations = computeObligations({ profile, calendar, timeline, asOf });
  const actions = currentActions(plan?.actions ?? [], checkIns);
  const signals = detectSignals({ asOf, actions: actions.filter(isOpen), checkIns, heldMeetings, obligations });
  const status: CoreGroupStatus = { coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference, policyId: coreGroup.policyId }, role: member.role, obligations, signals, actions, booked };
  return { status, timeline };
}
