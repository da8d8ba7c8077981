import type { CivilDate } from '../../domain/civil-date';
import type { CaseHeader, CaseloadEntry, CoreGroup, CoreGroupMember } from '../../domain/core-group';
import { type CaseTimeline, type Obligation, computeObligations, planEndOf } from '../../domain/obligations';
import { type CheckIn, type PlanAction, currentActions, isOpen } from '../../domain/plan';
import { type Signal, detectSignals } from '../../domain/signals';
import { can } from '../../domain/permissions';
import { type Caller, authorise } from '../authorise';
import { type BookedSeries, type BookedSeriesDeps, bookedSeriesOfEach } from '../scheduling/booked-series';
import { type PolicyDeps, policyOf } from '../policy-calendar';
import type { Clock } from '../ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from '../ports/store.port';
import { type CaseRecord, type CaseRecordDeps, readCaseRecords } from './case-records';
import type { Judged, JudgedAt, JudgedStatusCache } from './judged-status-cache';

export interface StatusDeps extends PolicyDeps, BookedSeriesDeps, CaseRecordDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'listCaseload' | 'members' | 'membersOfEach'>;
  readonly plans: Pick<PlanRepository, 'current' | 'currentOfEach'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimelines' | 'listByCoreGroups' | 'invitationsOfEach'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup' | 'listByCoreGroups'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'findByMeetings' | 'deliveries'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  /** Judgements kept per case revision and day (the composition root gives one per process); none: every status is judged afresh. */
  readonly judgedStatuses?: JudgedStatusCache | undefined;
}

/** A core group as its member sees it: deadlines, signals and the plan's actions with their latest check-in. */
export interface CoreGroupStatus {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference' | 'policyId'>;
  /** Where the case transferred in from and the day of its transfer-in conference, when its plan here started there. */
  readonly transferredIn?: { readonly from: string; readonly on: CivilDate } | undefined;
  readonly role: CoreGroupMember['role'];
  readonly obligations: readonly Obligation[];
  readonly signals: readonly Signal[];
  readonly actions: readonly (PlanAction & { readonly lastCheckIn?: CheckIn | undefined })[];
  /** The meeting series booked and still running, if any (left out when a caseload view did not ask for it). */
  readonly booked?: BookedSeries | undefined;
}

/** Obligations judged today, drift and attendance signals and the plan's actions, from a group's record. */
function judge(deps: PolicyDeps & { clock: Clock }, record: CaseRecord, asOf: CivilDate): Judged {
  const { coreGroup, timeline, checkIns } = record;
  const { profile, calendar } = policyOf(deps, coreGroup);
  const obligations = computeObligations({ profile, calendar, timeline, asOf });
  const actions = currentActions(record.plan?.actions ?? [], checkIns);
  // A plan that has ended asks nothing more of anyone: no drift or attendance signal (as the hourly watch sends none).
  const signals = planEndOf(timeline) ? [] : detectSignals({ asOf, actions: actions.filter(isOpen), checkIns, heldMeetings: record.heldMeetings, obligations });
  return { obligations, signals, actions, timeline };
}

function statusFrom(coreGroup: CaseHeader, role: CoreGroupMember['role'], judged: Judged, booked: BookedSeries | undefined): { status: CoreGroupStatus; timeline: CaseTimeline } {
  const { obligations, signals, actions, timeline } = judged;
  const transferredIn = coreGroup.transferredInFrom === undefined ? undefined : { from: coreGroup.transferredInFrom, on: coreGroup.icpcDate };
  return { status: { coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference, policyId: coreGroup.policyId }, transferredIn, role, obligations, signals, actions, booked }, timeline };
}

/**
 * One core group's status for a member: obligations judged today, drift and attendance signals,
 * the booked meeting series, and the plan's actions — with the case timeline they were judged
 * from, so what is shown beside them is not read again. Authorised (view-compliance) and audited;
 * `known`: the group and the caller's membership when this request already read them. Always
 * judged afresh from the record.
 */
export async function statusOf(
  deps: StatusDeps,
  request: { caller: Caller; coreGroupId: string; known?: { coreGroup: CoreGroup; member: CoreGroupMember | undefined } },
): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }> {
  const { coreGroup, member } = await authorise(deps, { caller: request.caller, coreGroupId: request.coreGroupId, action: 'view-compliance', known: request.known });
  const [[record], booked] = await Promise.all([readCaseRecords(deps, [coreGroup]), bookedSeriesOfEach(deps, [coreGroup.id])]);
  return statusFrom(coreGroup, member.role, judge(deps, record!, deps.clock.today()), booked.get(coreGroup.id));
}

type MembershipRead = CaseloadEntry;
/** A status judged but not yet shown: its membership, the judgement and how pressing it is. */
export interface RankedStatus {
  readonly entry: MembershipRead;
  readonly judged: Judged;
  readonly weight: number;
}

/**
 * The status of each of several of the caller's groups (their active memberships and revisions
 * already read), judged but not yet shown: the most `pressing` first when given. A judgement kept
 * for the group's current revision and today (`deps.judgedStatuses`) is used as it is; the other
 * groups' records are read together (see `readCaseRecords`) and judged. Every group must be one
 * the caller's role may see the status of (a group that is not is refused, and audited so).
 * Nothing is audited as seen here: only what {@link showStatuses} returns is.
 */
export async function rankStatuses(
  deps: StatusDeps,
  request: {
    caller: Caller;
    memberships: readonly MembershipRead[];
    /** How pressing a case is, from its judged deadlines: the most pressing first (ties keep the memberships' order). */
    pressing?: (judged: Pick<CoreGroupStatus, 'obligations'>) => number;
  },
): Promise<RankedStatus[]> {
  const { caller, memberships } = request;
  const refused = memberships.find(({ member }) => !member.active || !can({ role: member.role }, 'view-compliance'));
  if (refused) await authorise(deps, { caller, coreGroupId: refused.coreGroup.id, action: 'view-compliance', known: refused });
  const asOf = deps.clock.today();
  const day = asOf.toString();
  const at = (entry: MembershipRead): JudgedAt => ({ coreGroup: entry.coreGroup, revision: entry.revision, asOf: day });
  const kept = new Map(
    memberships.flatMap((entry) => {
      const judged = deps.judgedStatuses?.get(at(entry));
      return judged ? [[entry.coreGroup.id, judged] as const] : [];
    }),
  );
  const unjudged = memberships.filter((entry) => !kept.has(entry.coreGroup.id));
  const records = await readCaseRecords(
    deps,
    unjudged.map((entry) => entry.coreGroup),
  );
  records.forEach((record, index) => {
    const judged = judge(deps, record, asOf);
    deps.judgedStatuses?.set(at(unjudged[index]!), judged);
    kept.set(record.coreGroup.id, judged);
  });
  // Only a judgement and a weight each: a status is made only for what is shown (a team manager's 20 of 150).
  const ranked = memberships.map((entry): RankedStatus => {
    const judged = kept.get(entry.coreGroup.id)!;
    return { entry, judged, weight: request.pressing?.(judged) ?? 0 };
  });
  if (request.pressing) ranked.sort((a, b) => b.weight - a.weight);
  return ranked;
}

/**
 * Ranked statuses as shown to the caller: each authorised and audited as view-compliance — what
 * was shown, not what was only ranked. `booked`: with each group's running meeting series (never
 * kept: it moves with the clock and the calendar).
 */
export async function showStatuses(deps: StatusDeps, request: { caller: Caller; shown: readonly RankedStatus[]; booked: boolean }): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }[]> {
  const { caller, shown } = request;
  const [booked] = await Promise.all([
    request.booked ? bookedSeriesOfEach(deps, shown.map(({ entry }) => entry.coreGroup.id)) : new Map<string, BookedSeries>(),
    ...shown.map(({ entry }) => authorise(deps, { caller, coreGroupId: entry.coreGroup.id, action: 'view-compliance', known: entry })),
  ]);
  return shown.map(({ entry, judged }) => statusFrom(entry.coreGroup, entry.member.role, judged, booked.get(entry.coreGroup.id)));
}

/** {@link rankStatuses}, every one shown ({@link showStatuses}). */
export async function statusesOf(
  deps: StatusDeps,
  request: { caller: Caller; memberships: readonly MembershipRead[]; booked: boolean; pressing?: (judged: Pick<CoreGroupStatus, 'obligations'>) => number },
): Promise<{ status: CoreGroupStatus; timeline: CaseTimeline }[]> {
  return showStatuses(deps, { caller: request.caller, shown: await rankStatuses(deps, request), booked: request.booked });
}
