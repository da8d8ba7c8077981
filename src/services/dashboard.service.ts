import { type CivilDate, compareDates, londonDateAtMs } from '../domain/civil-date';
import { complianceByMonth } from '../domain/compliance';
import { heldMeetingsOldestFirst, nextBookedMeeting } from '../domain/meeting';
import { can } from '../domain/permissions';
import { isOpen } from '../domain/plan';
import { type StepClock, stepClock } from '../domain/concern-steps';
import { escalationRoute } from '../domain/escalation';
import { failedNotices, noticeReasonOf } from '../domain/notice-delivery';
import type { AppInstallRepository, Concern, LanguagePreferenceRepository, ConcernRepository, CoreGroupRepository, NoticeDeliveryRepository, RecordedNoticeDelivery } from './ports/store.port';
import type { Caller } from './authorise';
import type { CaseStatusService, CoreGroupStatus } from './case-status.service';
import { type CaseTimeline, planEndOf } from '../domain/obligations';
import type { BookedSeries } from './scheduling/booked-series';
import { type PolicyDeps, policyOf } from './policy-calendar';

export type { ComplianceCell } from '../domain/compliance';

/** What a timeline event is, for the page to name: the first conference (or the transfer-in one), a core group held or booked, a review, an action due. */
export type TimelineEvent = 'icpc' | 'transfer-in' | 'core-group-held' | 'core-group-booked' | 'review-conference' | 'action-due';

export interface TimelineEntry {
  readonly coreGroupId: string;
  readonly date: CivilDate;
  readonly kind: 'icpc' | 'core-group' | 'review-conference' | 'action-due';
  readonly event: TimelineEvent;
  /** An action due: its words, as its owner wrote them. */
  readonly what?: string | undefined;
}

/** A core group's next meeting; the time, join link and replies when it is an occurrence of a booked series. */
export interface NextMeeting {
  readonly id: string;
  readonly date: CivilDate;
  readonly startsAt?: string | undefined;
  readonly endsAt?: string | undefined;
  readonly joinUrl?: string | undefined;
  readonly replies?: BookedSeries['replies'] | undefined;
  /** An occurrence of a booked series (which can be moved or cancelled), not a meeting recorded without a booking. */
  readonly inSeries: boolean;
  /** The calendar's id for the occurrence when it is not the one the meeting records: what a move or cancel names it by (see `BookedSeries`). */
  readonly occurrenceId?: string | undefined;
}

/** The next occurrence of the booked series, else the next meeting recorded without a booking. */
function nextMeetingOf(status: CoreGroupStatus, timeline: CaseTimeline, today: CivilDate): NextMeeting | undefined {
  const { booked } = status;
  if (booked) {
    return {
      id: booked.meetingId,
      date: londonDateAtMs(booked.next.startMs),
      startsAt: new Date(booked.next.startMs).toISOString(),
      endsAt: new Date(booked.next.endMs).toISOString(),
      joinUrl: booked.joinUrl,
      replies: booked.replies,
      inSeries: true,
      occurrenceId: booked.next.occurrenceId,
    };
  }
  const recorded = nextBookedMeeting(timeline.meetings, today);
  return recorded && { id: recorded.id, date: recorded.date, inSeries: false };
}

/**
 * The personal dashboard: the caller's core groups with their obligations and signals, their own
 * actions, a compliance summary (obligations that fell due, by month and kind: met on time or
 * late) and a timeline per plan. Built from the same authorised, audited reads as `/coregroup
 * status`, each group read once.
 */
/** A member the app could not be installed for: their organisation does not allow it, so they are reached by e-mail. */
type NotInTeams = Awaited<ReturnType<AppInstallRepository['notAllowedIn']>>[number];

/** A notice whose last attempt failed, with the name of the person it was for (none: a former member). */
type FailedNotice = RecordedNoticeDelivery & { readonly memberName: string | undefined };

/**
 * What a lead social worker, team manager or conference chair must see in a group beyond their own
 * actions (issue 14): its concerns still open, with whom each rests now; its blocked actions with
 * what their owners said; its notices that failed (until a later attempt goes); and its statutory
 * deadlines missed — judged as the deadline view judges them, so a deadline met (even late) is not one.
 */
function groupAttention(options: { status: CoreGroupStatus; concerns: readonly Concern[]; failed: readonly FailedNotice[]; notInTeams: readonly NotInTeams[]; stepClockOf: (concern: Concern) => StepClock }) {
  const { status, failed } = options;
  return {
    concerns: options.concerns
      .filter((concern) => concern.status === 'open')
      .map((concern) => {
        const { respondBy, overdue } = options.stepClockOf(concern);
        return { id: concern.id, kind: concern.kind, raisedOn: concern.raisedAt.slice(0, 10), step: concern.step, withRoles: escalationRoute(concern.kind).steps[concern.step]?.to ?? [], respondBy, overdue };
      }),
    blockedActions: status.actions
      .filter((action) => action.state === 'blocked')
      .map((action) => ({ id: action.id, what: action.what, agency: action.agency, note: action.lastCheckIn?.note || undefined, since: action.lastCheckIn?.recordedAt })),
    failedNotices: failed.map((notice) => ({ kind: notice.kind, memberName: notice.memberName, channel: notice.channel, reason: notice.detail === undefined ? undefined : noticeReasonOf(notice.detail), at: notice.at })),
    notInTeams: options.notInTeams.map(({ member, at }) => ({ memberName: member.displayName, agency: member.agency, since: at })),
    missedDeadlines: status.obligations
      .filter((obligation) => obligation.status === 'overdue')
      .map((obligation) => ({ id: obligation.id, kind: obligation.kind, wording: obligation.wording, due: obligation.due, daysLate: obligation.daysLate })),
  };
}

/** The failed notices of the groups overseen, by group, each with the name of the person it was for; members read only where something failed. */
async function failedNoticesOf(deps: { noticeDeliveries: Pick<NoticeDeliveryRepository, 'inCoreGroups'>; coreGroups: Pick<CoreGroupRepository, 'members'> }, coreGroupIds: readonly string[]): Promise<Map<string, FailedNotice[]>> {
  const failed = coreGroupIds.length > 0 ? failedNotices(await deps.noticeDeliveries.inCoreGroups(coreGroupIds)) : [];
  const groupIds = [...new Set(failed.map((notice) => notice.coreGroupId!))];
  const membersOf = await Promise.all(groupIds.map((coreGroupId) => deps.coreGroups.members(coreGroupId)));
  return new Map(
    groupIds.map((coreGroupId, index) => {
      const members = membersOf[index]!;
      const named = failed.filter((notice) => notice.coreGroupId === coreGroupId).map((notice) => ({ ...notice, memberName: members.find((member) => member.id === notice.memberId)?.displayName }));
      return [coreGroupId, named];
    }),
  );
}

export function createDashboard(deps: PolicyDeps & {
  status: Pick<CaseStatusService, 'caseload'>;
  concerns: Pick<ConcernRepository, 'listByCoreGroups'>;
  noticeDeliveries: Pick<NoticeDeliveryRepository, 'inCoreGroups'>;
  coreGroups: Pick<CoreGroupRepository, 'members'>;
  /** Who the app could not be installed for (none given: nobody is shown). */
  appInstalls?: Pick<AppInstallRepository, 'notAllowedIn'> | undefined;
  /** The caller's chosen language, which the tab follows (none given: the host's locale decides). */
  languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
  clock: { today(): CivilDate };
}) {
  return {
    async of(caller: Caller) {
      const today = deps.clock.today();
      const { statuses, myActions } = await deps.status.caseload(caller);
      const overseen = statuses.filter(({ status }) => can({ role: status.role }, 'view-group-attention')).map(({ status }) => status.coreGroup.id);
      const [concerns, failed, notInTeams, language] = await Promise.all([
        overseen.length > 0 ? deps.concerns.listByCoreGroups(overseen) : new Map<string, Concern[]>(),
        failedNoticesOf(deps, overseen),
        deps.appInstalls?.notAllowedIn(caller.tenantId, overseen) ?? [],
        deps.languages?.of(caller.tenantId, caller.aadObjectId),
      ]);
      const timeline: TimelineEntry[] = [];
      const coreGroups = [];
      for (const { status, timeline: caseTimeline } of statuses) {
        timeline.push({ coreGroupId: status.coreGroup.id, date: caseTimeline.icpcDate, kind: 'icpc', event: status.transferredIn ? 'transfer-in' : 'icpc' });
        for (const meeting of caseTimeline.meetings.filter((entry) => entry.status === 'scheduled' || entry.status === 'held')) timeline.push({ coreGroupId: status.coreGroup.id, date: meeting.date, kind: 'core-group', event: meeting.status === 'held' ? 'core-group-held' : 'core-group-booked' });
        for (const review of caseTimeline.reviewConferences.filter((entry) => entry.status !== 'cancelled')) timeline.push({ coreGroupId: status.coreGroup.id, date: review.date, kind: 'review-conference', event: 'review-conference' });
        const actionsDue = planEndOf(caseTimeline) ? [] : status.actions.filter(isOpen);
        for (const action of actionsDue) timeline.push({ coreGroupId: status.coreGroup.id, date: action.due, kind: 'action-due', event: 'action-due', what: action.what });
        const lastHeldMeeting = heldMeetingsOldestFirst(caseTimeline.meetings).at(-1);
        coreGroups.push({
          id: status.coreGroup.id,
          caseReference: status.coreGroup.caseReference,
          role: status.role,
          transferredIn: status.transferredIn,
          canExportPlan: can({ role: status.role }, 'export-record'),
          attention: overseen.includes(status.coreGroup.id) ? groupAttention({ status, concerns: concerns.get(status.coreGroup.id) ?? [], failed: failed.get(status.coreGroup.id) ?? [], notInTeams: notInTeams.filter((entry) => entry.coreGroupId === status.coreGroup.id), stepClockOf: (concern) => stepClock({ ...policyOf(deps, status.coreGroup), concern, asOf: today }) }) : undefined,
          canEditPlan: can({ role: status.role }, 'edit-plan') && !planEndOf(caseTimeline),
          canSchedule: can({ role: status.role }, 'schedule-meeting'),
          canRecordReview: can({ role: status.role }, 'record-review-conference') && !planEndOf(caseTimeline),
          canTransfer: can({ role: status.role }, 'transfer-case') && !planEndOf(caseTimeline),
          canRecordPersonInInstitution: can({ role: status.role }, 'record-person-in-institution') && !planEndOf(caseTimeline),
          // Offered to those the plan is sent to: the lead social worker circulates it, and is the one told.
          canSayPlanNotReceived: can({ role: status.role }, 'report-plan-not-received') && status.role !== 'lead-social-worker' && lastHeldMeeting !== undefined,
          lastHeldMeeting,
          obligations: status.obligations.filter((obligation) => obligation.status !== 'met').map((obligation) => ({ id: obligation.id, kind: obligation.kind, rule: obligation.rule, wording: obligation.wording, due: obligation.due, status: obligation.status, daysLate: obligation.daysLate })),
          signals: status.signals.map((signal) => ({ kind: signal.kind, subjectId: signal.subjectId, measure: signal.measure })),
          nextMeeting: nextMeetingOf(status, caseTimeline, today),
        });
      }
      return {
        coreGroups,
        myActions: myActions.map((item) => ({ coreGroupId: item.coreGroupId, caseReference: item.caseReference, id: item.action.id, what: item.action.what, due: item.action.due, state: item.action.state, lastCheckIn: item.action.lastCheckIn })),
        compliance: complianceByMonth(
          statuses.flatMap(({ status }) => status.obligations),
          today,
        ),
        timeline: timeline.sort((a, b) => compareDates(a.date, b.date)),
        language,
      };
    },
  };
}

export type Dashboard = ReturnType<typeof createDashboard>;
