import { Temporal } from 'temporal-polyfill';
import type { CoreGroup, CoreGroupMember } from '../domain/core-group';
import { holidayDivisionOf } from '../domain/nation';
import { type Obligation, computeObligations } from '../domain/obligations';
import { type CheckIn, type PlanAction, STATE_AFTER_CHECK_IN, applyCheckIn, canTransition, isOpen } from '../domain/plan';
import type { PolicyProfile } from '../domain/policy';
import { type Signal, detectSignals } from '../domain/signals';
import type { WorkingDayCalendars } from '../domain/working-days';
import { type Caller, authorise } from './authorise';
import { heldMeetingAttendance } from './held-meetings';
import type { Clock } from './ports/clock.port';
import type { AuditLog, CheckInRepository, CoreGroupRepository, MeetingRepository, MinutesRepository, PlanRepository } from './ports/store.port';

export interface StatusDeps {
  readonly coreGroups: Pick<CoreGroupRepository, 'findById' | 'findMember' | 'listForMember' | 'members'>;
  readonly plans: Pick<PlanRepository, 'current'>;
  readonly meetings: Pick<MeetingRepository, 'loadCaseTimeline' | 'listByCoreGroup'>;
  readonly checkIns: Pick<CheckInRepository, 'listByCoreGroup'>;
  readonly minutes: Pick<MinutesRepository, 'findByMeeting' | 'deliveries'>;
  readonly auditLog: Pick<AuditLog, 'append'>;
  readonly clock: Clock;
  readonly calendars: WorkingDayCalendars;
  readonly policy: (id: string) => PolicyProfile;
}

/** A core group as its member sees it: deadlines, signals and the plan's actions with their latest check-in. */
export interface CoreGroupStatus {
  readonly coreGroup: Pick<CoreGroup, 'id' | 'caseReference' | 'policyId'>;
  readonly role: CoreGroupMember['role'];
  readonly obligations: readonly Obligation[];
  readonly signals: readonly Signal[];
  readonly actions: readonly (PlanAction & { readonly lastCheckIn?: CheckIn | undefined })[];
}

/** An action's state after its check-ins: the plan's state, moved by each answer in turn. */
export function currentActions(actions: readonly PlanAction[], checkIns: readonly CheckIn[]): (PlanAction & { lastCheckIn?: CheckIn })[] {
  return actions.map((action) => {
    let current: PlanAction & { lastCheckIn?: CheckIn } = action;
    for (const checkIn of checkIns.filter((candidate) => candidate.actionId === action.id && candidate.memberId === action.ownerMemberId)) {
      // An answer that no longer fits (the action was dropped since) stays on record but moves nothing.
      if (canTransition(current.state, STATE_AFTER_CHECK_IN[checkIn.status])) current = { ...applyCheckIn(current, checkIn), lastCheckIn: checkIn };
    }
    return current;
  });
}

/**
 * Status of every core group the caller belongs to: obligations with their status, drift and
 * attendance signals, and the plan's actions. Each read is authorised and audited.
 */
export function createCaseStatusService(deps: StatusDeps) {
  const statusOf = async (caller: Caller, coreGroupId: string, known?: { coreGroup: CoreGroup; member: CoreGroupMember | undefined }): Promise<CoreGroupStatus> => {
    const { coreGroup, member } = await authorise(deps, { caller, coreGroupId, action: 'view-compliance', known });
    const profile = deps.policy(coreGroup.policyId);
    const calendar = deps.calendars[holidayDivisionOf(profile.nation)];
    const asOf = deps.clock.today();
    const [timeline, plan, checkIns] = await Promise.all([deps.meetings.loadCaseTimeline(coreGroup.id, coreGroup), deps.plans.current(coreGroup.id), deps.checkIns.listByCoreGroup(coreGroup.id)]);
    const heldMeetings = await heldMeetingAttendance(deps.minutes, timeline.meetings);
    const obligations = computeObligations({ profile, calendar, timeline, asOf });
    const actions = currentActions(plan?.actions ?? [], checkIns);
    const signals = detectSignals({ asOf, actions: actions.filter(isOpen), checkIns, heldMeetings, obligations });
    return { coreGroup: { id: coreGroup.id, caseReference: coreGroup.caseReference, policyId: coreGroup.policyId }, role: member.role, obligations, signals, actions };
  };
  return {
    statusOf: (caller: Caller, coreGroupId: string) => statusOf(caller, coreGroupId),
    /**
     * Where the minutes stand for the last held meeting and the next booked one: drafted or not,
     * signed by the chair and the team manager, delivered to how many, and the circulation deadline.
     */
    async minutesOf(caller: Caller, coreGroupId: string) {
      const status = await statusOf(caller, coreGroupId);
      const meetings = await deps.meetings.listByCoreGroup(coreGroupId);
      const today = deps.clock.today();
      const held = meetings.filter((meeting) => meeting.status === 'held').at(-1);
      const next = meetings.find((meeting) => meeting.status === 'scheduled' && Temporal.PlainDate.compare(meeting.date, today) >= 0);
      const describe = async (meeting: (typeof meetings)[number] | undefined) => {
        if (!meeting) return undefined;
        const minutes = await deps.minutes.findByMeeting(meeting.id);
        const deliveries = minutes ? await deps.minutes.deliveries(minutes.id) : [];
        const circulation = status.obligations.find((obligation) => obligation.id === `minutes-circulation-${meeting.id}`);
        return {
          date: meeting.date,
          drafted: Boolean(minutes),
          chairSigned: Boolean(minutes?.chairSignOff),
          managerSigned: Boolean(minutes?.managerSignOff),
          delivered: new Set(deliveries.filter((delivery) => delivery.outcome === 'sent' && delivery.minutesVersion === minutes?.version).map((delivery) => delivery.memberId)).size,
          circulation: circulation ? { due: circulation.due, status: circulation.status, daysLate: circulation.daysLate } : undefined,
        };
      };
      return { caseReference: status.coreGroup.caseReference, last: await describe(held), next: await describe(next) };
    },
    /** The current plan of one core group, with owners' names and each action's latest check-in. */
    async planOf(caller: Caller, coreGroupId: string) {
      const { coreGroup } = await authorise(deps, { caller, coreGroupId, action: 'view-plan' });
      const [plan, checkIns, members] = await Promise.all([deps.plans.current(coreGroupId), deps.checkIns.listByCoreGroup(coreGroupId), deps.coreGroups.members(coreGroupId)]);
      const names = new Map(members.map((member) => [member.id, `${member.displayName} (${member.agency})`]));
      return { caseReference: coreGroup.caseReference, plan, actions: currentActions(plan?.actions ?? [], checkIns), names };
    },
    /** Every core group the caller is an active member of, most pressing first. */
    async myStatus(caller: Caller): Promise<CoreGroupStatus[]> {
      const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
      // The groups are read together, not one after another: PostgreSQL round trips overlap, and
      // the audit entries of all of them share one commit (see createAuditLog) instead of one each.
      const read = await Promise.all(
        groups.map(async (group) => {
          const member = await deps.coreGroups.findMember(group.id, caller.aadObjectId);
          if (member && (member.role === 'family-member' || member.role === 'child')) return undefined;
          return statusOf(caller, group.id, { coreGroup: group, member });
        }),
      );
      const statuses = read.filter((status): status is CoreGroupStatus => status !== undefined);
      const urgency = (status: CoreGroupStatus) => status.obligations.filter((o) => o.status === 'overdue' || o.status === 'at-risk').length;
      return statuses.sort((a, b) => urgency(b) - urgency(a));
    },
    /** The caller's own open actions across their core groups. */
    async myActions(caller: Caller): Promise<{ coreGroupId: string; caseReference: string; action: PlanAction & { lastCheckIn?: CheckIn | undefined } }[]> {
      const groups = await deps.coreGroups.listForMember(caller.tenantId, caller.aadObjectId);
      const mine: { coreGroupId: string; caseReference: string; action: PlanAction & { lastCheckIn?: CheckIn | undefined } }[] = [];
      for (const group of groups) {
        const { member } = await authorise(deps, { caller, coreGroupId: group.id, action: 'check-in-own-action' }).catch(() => ({ member: undefined }));
        if (!member) continue;
        const [plan, checkIns] = await Promise.all([deps.plans.current(group.id), deps.checkIns.listByCoreGroup(group.id)]);
        for (const action of currentActions(plan?.actions ?? [], checkIns)) {
          if (action.ownerMemberId === member.id && isOpen(action)) mine.push({ coreGroupId: group.id, caseReference: group.caseReference, action });
        }
      }
      return mine.sort((a, b) => Temporal.PlainDate.compare(a.action.due, b.action.due));
    },
  };
}

export type CaseStatusService = ReturnType<typeof createCaseStatusService>;
