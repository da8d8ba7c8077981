import type * as wire from '../contracts/dashboard.contract';
import type { ObligationKind, ObligationStatus, RuleWording } from '../domain/obligations';
import type { SignalKind } from '../domain/signals';
import type { Dashboard } from '../services/dashboard.service';
import type { SeriesReply } from '../services/scheduling.service';
import { type SameValues, lastCheckInToWire } from './wire-values.wire';

/** The dashboard as the use case builds it, in domain types (Temporal dates). */
type DashboardModel = Awaited<ReturnType<Dashboard['of']>>;

/** The domain's vocabularies that the wire spells out again: the compiler checks both agree. */
const _obligationKinds: SameValues<wire.ObligationKind, ObligationKind> = true;
const _obligationStatuses: SameValues<wire.Obligation['status'], ObligationStatus> = true;
const _ruleWordings: SameValues<wire.RuleWording['rule'], RuleWording['rule']> = true;
const _signalKinds: SameValues<wire.SignalKind, SignalKind> = true;
const _seriesReplies: SameValues<wire.SeriesReply, SeriesReply> = true;
const _timelineKinds: SameValues<wire.TimelineKind, DashboardModel['timeline'][number]['kind']> = true;
const _timelineEvents: SameValues<wire.TimelineEvent, DashboardModel['timeline'][number]['event']> = true;

/** The next meeting: its date as text, and only what the contract names of each reply. */
function nextMeetingToWire(meeting: NonNullable<DashboardModel['coreGroups'][number]['nextMeeting']>): wire.NextMeeting {
  return {
    id: meeting.id,
    date: meeting.date.toString(),
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    joinUrl: meeting.joinUrl,
    replies: meeting.replies?.map((reply) => ({ memberId: reply.memberId, name: reply.name, reply: reply.reply })),
    inSeries: meeting.inSeries,
    occurrenceId: meeting.occurrenceId,
  };
}

/** `GET /api/dashboard`: dates as `YYYY-MM-DD` text, and only the fields the contract names. */
export function toDashboardResponse(dashboard: DashboardModel): wire.DashboardResponse {
  return {
    coreGroups: dashboard.coreGroups.map((group) => ({
      id: group.id,
      caseReference: group.caseReference,
      role: group.role,
      transferredIn: group.transferredIn && { from: group.transferredIn.from, on: group.transferredIn.on.toString() },
      canExportPlan: group.canExportPlan,
      canEditPlan: group.canEditPlan,
      attention: group.attention && {
        concerns: group.attention.concerns.map((concern) => ({ ...concern, withRoles: [...concern.withRoles], respondBy: concern.respondBy.toString() })),
        blockedActions: group.attention.blockedActions,
        failedNotices: group.attention.failedNotices,
        notInTeams: group.attention.notInTeams,
        missedDeadlines: group.attention.missedDeadlines.map((deadline) => ({ ...deadline, due: deadline.due.toString() })),
      },
      canSchedule: group.canSchedule,
      canRecordReview: group.canRecordReview,
      canTransfer: group.canTransfer,
      canRecordPersonInInstitution: group.canRecordPersonInInstitution,
      canSayPlanNotReceived: group.canSayPlanNotReceived,
      lastHeldMeeting: group.lastHeldMeeting && { id: group.lastHeldMeeting.id, date: group.lastHeldMeeting.date.toString() },
      obligations: group.obligations.map((obligation) => ({ id: obligation.id, kind: obligation.kind, wording: obligation.wording, due: obligation.due.toString(), status: obligation.status, daysLate: obligation.daysLate })),
      signals: group.signals.map((signal) => ({ kind: signal.kind, subjectId: signal.subjectId, measure: signal.measure })),
      nextMeeting: group.nextMeeting && nextMeetingToWire(group.nextMeeting),
    })),
    myActions: dashboard.myActions.map((action) => ({
      coreGroupId: action.coreGroupId,
      caseReference: action.caseReference,
      id: action.id,
      what: action.what,
      due: action.due.toString(),
      state: action.state,
      lastCheckIn: action.lastCheckIn && lastCheckInToWire(action.lastCheckIn),
    })),
    compliance: dashboard.compliance.map((cell) => ({ month: cell.month, kind: cell.kind, met: cell.met, late: cell.late })),
    timeline: dashboard.timeline.map((entry) => ({ coreGroupId: entry.coreGroupId, date: entry.date.toString(), kind: entry.kind, event: entry.event, what: entry.what })),
    language: dashboard.language,
  };
}
