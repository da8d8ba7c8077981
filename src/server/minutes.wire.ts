import type * as wire from '../contracts/minutes.contract';
import type { Minutes, MinutesContent } from '../domain/minutes';
import { mayHoldMeetingRoles } from '../domain/permissions';
import type { MinutesView as MinutesViewModel } from '../services/minutes/view';
import { type SameValues, lastCheckInToWire } from './wire-values.wire';

/** The domain's vocabularies that the wire spells out again: the compiler checks both agree. */
const _contributionKinds: SameValues<wire.ChatContribution['kind'], MinutesContent['contributions'][number]['kind']> = true;
const _deliveryChannels: SameValues<wire.Delivery['channel'], MinutesViewModel['deliveries'][number]['channel']> = true;
const _deliveryOutcomes: SameValues<wire.Delivery['outcome'], MinutesViewModel['deliveries'][number]['outcome']> = true;
const _circulationStatuses: SameValues<wire.MinutesView['circulation']['status'], MinutesViewModel['circulation']['status']> = true;

/**
 * The content of the minutes as the tab API sends it: dates as `YYYY-MM-DD` text, no date as an
 * absent field, and only the fields the contract names.
 */
export function minutesContentToWire(content: MinutesContent): wire.MinutesContent {
  return {
    attendance: content.attendance.map((entry) => ({ memberId: entry.memberId, attendance: entry.attendance, representativeName: entry.representativeName })),
    otherAttendees: content.otherAttendees.map((attendee) => ({ name: attendee.name, relationship: attendee.relationship, organisation: attendee.organisation })),
    allAgenciesPresent: { discussed: content.allAgenciesPresent.discussed, note: content.allAgenciesPresent.note },
    actionUpdates: content.actionUpdates.map((update) => ({ actionId: update.actionId, agency: update.agency, update: update.update })),
    agencyUpdates: content.agencyUpdates.map((update) => ({ agency: update.agency, update: update.update })),
    writtenReports: content.writtenReports.map((report) => ({ memberId: report.memberId, summary: report.summary })),
    childSeen: { seen: content.childSeen.seen, seenAlone: content.childSeen.seenAlone, lastSeenOn: content.childSeen.lastSeenOn?.toString() ?? null, seenBy: content.childSeen.seenBy, note: content.childSeen.note },
    childsVoice: content.childsVoice,
    signsOfSafety: {
      worries: content.signsOfSafety.worries,
      workingWell: content.signsOfSafety.workingWell,
      needsToHappen: content.signsOfSafety.needsToHappen,
      scaling: content.signsOfSafety.scaling.map((score) => ({ memberId: score.memberId, score: score.score })),
    },
    decisions: [...content.decisions],
    newActions: content.newActions.map((action) => ({ what: action.what, ownerMemberId: action.ownerMemberId, agency: action.agency, due: action.due.toString(), progressMeasure: action.progressMeasure, outcomeId: action.outcomeId })),
    disagreements: content.disagreements.map((item) => ({ text: item.text, significant: item.significant })),
    contingencyReview: content.contingencyReview,
    reviewRecommendation: { outcome: content.reviewRecommendation.outcome ?? null, reasons: content.reviewRecommendation.reasons },
    nextMeetingDate: content.nextMeetingDate?.toString(),
    sharing: { withFamily: content.sharing.withFamily, withChild: content.sharing.withChild, withheldReason: content.sharing.withheldReason },
    contributions: content.contributions.map((item) => ({ id: item.id, kind: item.kind, text: item.text, memberId: item.memberId, at: item.at, ownerName: item.ownerName, due: item.due })),
  };
}

/** What a saved section, a decided contribution and a 409's `current` carry: the version and its content. */
export function toMinutesSnapshotResponse(minutes: Pick<Minutes, 'version' | 'content'>): wire.MinutesSnapshot {
  return { version: minutes.version, content: minutesContentToWire(minutes.content) };
}

/** `GET /api/meetings/:meetingId/minutes` (and the answer to roles, sign-off and amend). */
export function toMinutesViewResponse(view: MinutesViewModel): wire.MinutesView {
  const { meeting, minutes } = view;
  return {
    meeting: {
      id: meeting.id,
      coreGroupId: meeting.coreGroupId,
      caseReference: meeting.caseReference,
      date: meeting.date.toString(),
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      chairMemberId: meeting.chairMemberId,
      minuteTakerMemberId: meeting.minuteTakerMemberId,
      status: meeting.status,
      notHeldReason: meeting.notHeldReason,
      started: meeting.started,
    },
    minutes: {
      id: minutes.id,
      version: minutes.version,
      content: minutesContentToWire(minutes.content),
      chairSignOff: minutes.chairSignOff && { memberId: minutes.chairSignOff.memberId, at: minutes.chairSignOff.at },
      managerSignOff: minutes.managerSignOff && { memberId: minutes.managerSignOff.memberId, at: minutes.managerSignOff.at },
      amendmentReason: minutes.amendmentReason,
      returned: minutes.returned && { memberId: minutes.returned.memberId, at: minutes.returned.at, comments: minutes.returned.comments },
    },
    members: view.members.map((member) => ({ id: member.id, name: member.name, role: member.role, agency: member.agency, mayHoldMeetingRoles: mayHoldMeetingRoles(member.role) })),
    actions: view.actions.map((action) => ({
      id: action.id,
      what: action.what,
      ownerMemberId: action.ownerMemberId,
      agency: action.agency,
      due: action.due.toString(),
      state: action.state,
      lastCheckIn: action.lastCheckIn && lastCheckInToWire(action.lastCheckIn),
    })),
    outcomes: view.outcomes.map((outcome) => ({ id: outcome.id, text: outcome.text })),
    scalingHistory: view.scalingHistory.map((entry) => ({ date: entry.date.toString(), scores: entry.scores.map((score) => ({ memberId: score.memberId, score: score.score })) })),
    you: {
      memberId: view.you.memberId,
      canEdit: view.you.canEdit,
      canSignAsChair: view.you.canSignAsChair,
      canSignAsManager: view.you.canSignAsManager,
      canDistribute: view.you.canDistribute,
      canExport: view.you.canExport,
      canAssignRoles: view.you.canAssignRoles,
      canRecordOutcome: view.you.canRecordOutcome,
    },
    edition: { stage: view.edition.stage, amendment: view.edition.amendment },
    circulation: { due: view.circulation.due.toString(), status: view.circulation.status, amendmentToCirculate: view.circulation.amendmentToCirculate },
    nextMeetingDue: view.nextMeetingDue.toString(),
    deliveries: view.deliveries.map((delivery) => ({ memberId: delivery.memberId, channel: delivery.channel, outcome: delivery.outcome, at: delivery.at })),
    disagreementConcerns: view.disagreementConcerns.map((concern) => concern ?? null),
    conferenceChairReachable: view.conferenceChairReachable,
  };
}
