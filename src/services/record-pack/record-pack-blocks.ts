import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroupMember } from '../../domain/core-group';
import { REVIEW_STATUS_LABELS, ROLE_LABELS } from '../../domain/labels';
import type { CoreGroupMeeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import type { Obligation } from '../../domain/obligations';
import { describePlanChange } from '../../domain/plan-edit';
import { OUTCOME_WORDS, type ReviewConference } from '../../domain/review-conference';
import { ukDate, ukDateOfInstant } from '../../domain/uk-date';
import type { RecordBlock } from '../ports/record-renderer.port';
import type { StoredPlanRevision } from '../ports/store.port';
import { memberNamer, orDash } from '../record-blocks';

/** The parts of a case's record pack that no other export has: the case, the plan's versions, meetings, reviews, deadlines and how the plan ended. */

/** How the plan ended here, or that it continues. */
export function planEndText(facts: { planEndedOn?: CivilDate | undefined; transferredTo?: string | undefined; endedAtReview?: CivilDate | undefined; today: CivilDate }): string {
  const { planEndedOn, transferredTo, endedAtReview } = facts;
  if (planEndedOn && transferredTo) return `The case transferred to ${transferredTo} on ${ukDate(planEndedOn)}; the plan here ended that day.`;
  if (endedAtReview) return `The child protection plan ended at the review conference on ${ukDate(endedAtReview)}.`;
  if (planEndedOn) return `The child protection plan ended on ${ukDate(planEndedOn)}.`;
  return `The child protection plan continues; this record is as it stood on ${ukDate(facts.today)}.`;
}

/** The members of the core group: who, in what role, from which agency, and whether they are still in it. */
export function membersBlocks(members: readonly CoreGroupMember[]): RecordBlock[] {
  return [
    { kind: 'heading', text: 'Core group members' },
    { kind: 'table', header: ['Member', 'Role', 'Agency', 'In the group'], rows: members.map((member) => [member.displayName, ROLE_LABELS[member.role], member.agency, member.active ? 'yes' : 'left the group']) },
  ];
}

/** Each version of the plan: when, by whom, why, and what it changed, in the words of the plan's change log. */
export function planVersionsBlocks(history: readonly StoredPlanRevision[], members: readonly CoreGroupMember[]): RecordBlock[] {
  const name = memberNamer(members);
  const changed = (revision: StoredPlanRevision, index: number) => orDash(revision.changes.map((change) => describePlanChange(change, history[index - 1]?.plan, revision.plan)).join('\n'));
  return [
    { kind: 'heading', text: 'Versions of the plan' },
    { kind: 'table', header: ['Version', 'Saved on', 'By', 'Why', 'What changed'], rows: history.map((revision, index) => [String(revision.plan.version), ukDateOfInstant(revision.createdAt), name(revision.authorMemberId), orDash(revision.reason), changed(revision, index)]) },
  ];
}

const MEETING_WORDS: Record<CoreGroupMeeting['status'], string> = { scheduled: 'booked', held: 'held', cancelled: 'cancelled', 'not-held': 'did not take place' };

/** Every core group meeting in date order: what happened, and whether its minutes were signed. */
export function meetingsBlocks(meetings: readonly CoreGroupMeeting[], minutesOf: ReadonlyMap<string, { signed?: Minutes | undefined; current: Minutes }>): RecordBlock[] {
  const minutesWords = (meetingId: string) => {
    const minutes = minutesOf.get(meetingId);
    if (!minutes) return 'none';
    if (!minutes.signed) return 'not signed';
    return minutes.signed === minutes.current ? `signed (version ${minutes.signed.version})` : `signed (version ${minutes.signed.version}); amendment not yet signed`;
  };
  return [
    { kind: 'heading', text: 'Core group meetings' },
    meetings.length === 0
      ? { kind: 'paragraph', text: 'No core group meeting was recorded.' }
      : { kind: 'table', header: ['Date', 'What happened', 'Minutes'], rows: meetings.map((meeting) => [ukDate(meeting.date), `${MEETING_WORDS[meeting.status]}${meeting.cancellationReason ? `: ${meeting.cancellationReason}` : ''}`, minutesWords(meeting.id)]) },
  ];
}

/** The review conferences: when, what each decided, who chaired, and the next review it set. */
export function reviewsBlocks(reviews: readonly ReviewConference[]): RecordBlock[] {
  return [
    { kind: 'heading', text: 'Review conferences' },
    reviews.length === 0
      ? { kind: 'paragraph', text: 'No review conference was recorded.' }
      : { kind: 'table', header: ['Date', 'Status', 'Outcome', 'Chaired by', 'Next review set'], rows: reviews.map((review) => [ukDate(review.date), REVIEW_STATUS_LABELS[review.status], review.outcome ? OUTCOME_WORDS[review.outcome] : '—', orDash(review.chairName), review.nextReviewOn ? ukDate(review.nextReviewOn) : '—']) },
  ];
}

/** Whether a deadline was met on time, met late, missed, or is still to come. */
function onTimeWords(obligation: Obligation): string {
  const days = (count: number) => `${count} day${count === 1 ? '' : 's'}`;
  if (obligation.status === 'met') return obligation.daysLate === 0 ? 'met on time' : `met ${days(obligation.daysLate)} late`;
  if (obligation.status === 'overdue') return `not met (${days(obligation.daysLate)} late)`;
  return obligation.status === 'at-risk' ? 'still open, at risk' : 'still open';
}

/** Every deadline of the case under its profile: due when, met when, on time or not, and the rule's source. */
export function deadlinesBlocks(obligations: readonly Obligation[]): RecordBlock[] {
  return [
    { kind: 'heading', text: 'Deadlines' },
    {
      kind: 'table',
      header: ['Deadline', 'Due', 'Met on', 'On time', 'Source'],
      rows: obligations.map((obligation) => [obligation.rule, ukDate(obligation.due), obligation.metOn ? ukDate(obligation.metOn) : '—', onTimeWords(obligation), `${obligation.source.citation}${obligation.source.verified ? '' : ' (unverified)'}`]),
    },
  ];
}
