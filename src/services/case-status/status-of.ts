import type { CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { type CaseTimeline, type Obligation, computeObligations } from '../../domain/obligations';
import { type CheckIn, type PlanAction, currentActions, isOpen } from '../../domain/plan';
import { type Signal, detectSignals } from '../../domain/signals';
import { type Caller, authorise } from '../authorise';
import type { BookedSeries, BookedSeriesDeps } from '../scheduling/booked-series';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';
import { type CaseRecord, type CaseRecordDeps, readCaseRecords } from './case-records';

export interface StatusDeps extends PolicyDeps, BookedSeriesDeps, CaseRecordDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'listForMember' | 'listMemberships' | 'members' | 'membersOfEach'>;
  readonly plans: Pick<PlanRepository, 'current' | 'currentOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimeline' | 'loadCaseTimelines' | 'listByCoreGroup' | 'listByCoreGroups' | 'invitations' | 'invitationsOfEach'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup' | 'listByCoreGroups'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'findByMeetings' | 'deliveries'>;
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
  /** The meeting series booked and still running, if any (left out when a caseload view did not ask for it). */
  readonly booked?: BookedSeries | undefined;
}

/** Obligations judged today, drift and attendance signals and the plan's actions, from a group's record. */
function judge(deps: PolicyDeps & { clock: Clock }, record: CaseRecord, role: CoreGroupMember['role']): CoreGroupStatus {
  const { coreGroup, timeline, checkIns } = record;
  const { profile, calendar } = policyOf(deps, coreGroup);
  const asOf = deps.clock.today();
  const obligations = computeObligations({ profile, calendar, timeline, asOf });
  const actions = currentActions(record.plan?.actions ?? [], checkIns);
  const signals = detectSignals({ asOf, actions: actions.filter(isOpen), checkIns, heldMeetings: record.heldMeetings, obligations });
  return { coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference, policyId: coreGroup.policyId }, role, obligations, signals, actions, booked: record.booked };
}

/**
 * One core group's status for a member: obligations judged today, drift and attendance signals,
 * the booked meeting series, and the plan's actions — with the case timeline they were judged
 * from, so what is shown beside them is not read again. Authorised (view-compliance) and audited;
 * `known`: the group and the caller's membership when this request already read them.
 */
export async function statusOf(
  deps: StatusDeps,
  request: { caller: Caller; coreGroupId: string; known?: { coreGroup: CoreGroup; member: CoreGroupMember | undefined } },
): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }> {
  const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'view-compliance', known: request.known });
  const [record] = await readCaseRecords(deps, [coreGroup], { booked: true });
  return { status: judge(deps, record!, member.role), timeline: record!.timeline };
}

/**
 * The status of each of several of the caller's groups (their memberships already read), each
 * authorised as view-compliance and audited, their records read together (see `readCaseRecords`).
 * `booked`: include each group's running meeting series.
 */
export async function statusesOf(
  deps: StatusDeps,
  request: { caller: Caller; memberships: readonly { coreGroup: CoreGroup; member: CoreGroupMember }[]; booked: boolean },
): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }[]> {
  const { caller } = request;
  const allowed = await Promise.all(request.memberships.map((known) => authorise(deps, { caller, coreGroupId: known.coreGroup.id, action: 'view-compliance', known })));
  const records = await readCaseRecords(
    deps,
    allowed.map((entry) => entry.coreGroup),
    { booked: request.booked },
  );
  return records.map((record, index) => ({ status: judge(deps, record, allowed[index]!.member.role), timeline: record.timeline }));
}
