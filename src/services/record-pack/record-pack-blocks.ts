import type { CivilDate } from '../../domain/civil-date';
import type { CoreGroupMember } from '../../domain/core-group';
import type { CoreGroupMeeting } from '../../domain/meeting';
import type { Minutes } from '../../domain/minutes';
import type { Obligation } from '../../domain/obligations';
import { type PlanChangeLine, planChangeLine } from '../../domain/plan-edit';
import type { ReviewConference } from '../../domain/review-conference';
import type { Words } from '../../i18n/words';
import type { RecordBlock } from '../ports/record-renderer.port';
import type { StoredPlanRevision } from '../ports/store.port';
import { deadlineRule } from '../deadline-words';
import { memberNamer, orDash } from '../record-blocks';

/**
 * The parts of a case's record pack that no other export has: the case, the plan's versions,
 * meetings, reviews, deadlines and how the plan ended — in the words of the pack's language, each
 * deadline's rule too (worded from its data). What the area's profile says of a rule's source is
 * printed as the profile holds it.
 */

/** One line of the plan's change log in the pack's language: "Action changed (owner, due date): “Weekly home visit”". */
export function planChangeText({ t }: Words, line: PlanChangeLine): string {
  const subject = line.subject ?? '';
  const fields = line.fields ?? [];
  if (line.kind === 'action-changed' && fields.length > 0) return t('planChange.action-changed-fields', { subject, fields: fields.map((field) => t(`planChange.field.${field}`)).join(', ') });
  return t(`planChange.${line.kind}`, { subject });
}

/** How the plan ended here, or that it continues. */
export function planEndText(words: Words, facts: { planEndedOn?: CivilDate | undefined; transferredTo?: string | undefined; endedAtReview?: CivilDate | undefined; today: CivilDate }): string {
  const { t, dates } = words;
  const { planEndedOn, transferredTo, endedAtReview } = facts;
  if (planEndedOn && transferredTo) return t('pack.transferred', { to: transferredTo, date: dates.date(planEndedOn) });
  if (endedAtReview) return t('pack.endedAtReview', { date: dates.date(endedAtReview) });
  if (planEndedOn) return t('pack.ended', { date: dates.date(planEndedOn) });
  return t('pack.continues', { date: dates.date(facts.today) });
}

/** The members of the core group: who, in what role, from which agency, and whether they are still in it. */
export function membersBlocks(words: Words, members: readonly CoreGroupMember[]): RecordBlock[] {
  const { t } = words;
  return [
    { kind: 'heading', text: t('pack.membersHeading') },
    { kind: 'table', header: [t('record.column.member'), t('record.column.role'), t('pack.agency'), t('pack.inGroup')], rows: members.map((member) => [member.displayName, t(`labels.role.${member.role}`), member.agency, member.active ? t('pack.yes') : t('pack.left')]) },
  ];
}

/** Each version of the plan: when, by whom, why, and what it changed. */
export function planVersionsBlocks(words: Words, history: readonly StoredPlanRevision[], members: readonly CoreGroupMember[]): RecordBlock[] {
  const { t, dates } = words;
  const name = memberNamer(members);
  const changed = (revision: StoredPlanRevision, index: number) => orDash(revision.changes.map((change) => planChangeText(words, planChangeLine(change, history[index - 1]?.plan, revision.plan))).join('\n'));
  return [
    { kind: 'heading', text: t('pack.versionsHeading') },
    { kind: 'table', header: [t('pack.version'), t('pack.savedOn'), t('pack.by'), t('pack.why'), t('pack.whatChanged')], rows: history.map((revision, index) => [String(revision.plan.version), dates.dateOfInstant(revision.createdAt), name(revision.authorMemberId), orDash(revision.reason), changed(revision, index)]) },
  ];
}

/** Every core group meeting in date order: what happened, and whether its minutes were signed. */
export function meetingsBlocks(words: Words, meetings: readonly CoreGroupMeeting[], minutesOf: ReadonlyMap<string, { signed?: Minutes | undefined; current: Minutes }>): RecordBlock[] {
  const { t, dates } = words;
  const minutesWords = (meetingId: string) => {
    const minutes = minutesOf.get(meetingId);
    if (!minutes) return t('pack.minutesNone');
    if (!minutes.signed) return t('pack.minutesNotSigned');
    return t(minutes.signed === minutes.current ? 'pack.minutesSigned' : 'pack.minutesAmended', { version: minutes.signed.version });
  };
  const happened = (meeting: CoreGroupMeeting) => {
    const what = t(`pack.meeting.${meeting.status}`);
    return meeting.cancellationReason ? t('pack.meetingWithReason', { what, reason: meeting.cancellationReason }) : what;
  };
  return [
    { kind: 'heading', text: t('pack.meetingsHeading') },
    meetings.length === 0
      ? { kind: 'paragraph', text: t('pack.noMeetings') }
      : { kind: 'table', header: [t('pack.date'), t('pack.whatHappened'), t('pack.minutes')], rows: meetings.map((meeting) => [dates.date(meeting.date), happened(meeting), minutesWords(meeting.id)]) },
  ];
}

/** The review conferences: when, what each decided, who chaired, and the next review it set. */
export function reviewsBlocks(words: Words, reviews: readonly ReviewConference[]): RecordBlock[] {
  const { t, dates } = words;
  return [
    { kind: 'heading', text: t('pack.reviewsHeading') },
    reviews.length === 0
      ? { kind: 'paragraph', text: t('pack.noReviews') }
      : {
          kind: 'table',
          header: [t('pack.date'), t('pack.status'), t('pack.outcome'), t('pack.chairedBy'), t('pack.nextReview')],
          rows: reviews.map((review) => [dates.date(review.date), t(`pack.reviewStatus.${review.status}`), review.outcome ? t(`pack.reviewOutcome.${review.outcome}`) : '—', orDash(review.chairName), review.nextReviewOn ? dates.date(review.nextReviewOn) : '—']),
        },
  ];
}

/** Whether a deadline was met on time, met late, missed, or is still to come. */
function onTimeWords({ t }: Words, obligation: Obligation): string {
  if (obligation.status === 'met') return obligation.daysLate === 0 ? t('pack.metOnTime') : t('pack.metLate', { count: obligation.daysLate });
  if (obligation.status === 'overdue') return t('pack.notMet', { count: obligation.daysLate });
  return obligation.status === 'at-risk' ? t('pack.openAtRisk') : t('pack.open');
}

/** Every deadline of the case under its profile: what it is, due when, met when, on time or not, and the rule's source. */
export function deadlinesBlocks(words: Words, obligations: readonly Obligation[]): RecordBlock[] {
  const { t, dates } = words;
  return [
    { kind: 'heading', text: t('pack.deadlinesHeading') },
    {
      kind: 'table',
      header: [t('pack.deadline'), t('pack.due'), t('pack.metOn'), t('pack.onTime'), t('pack.source')],
      rows: obligations.map((obligation) => [deadlineRule(words, obligation), dates.date(obligation.due), obligation.metOn ? dates.date(obligation.metOn) : '—', onTimeWords(words, obligation), obligation.source.verified ? obligation.source.citation : t('pack.unverified', { citation: obligation.source.citation })]),
    },
  ];
}
