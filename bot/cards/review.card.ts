import type { ReviewConference } from '../../src/domain/review-conference';
import type { Words } from '../../src/i18n/words';
import type { ReviewConferences } from '../../src/services/review-conferences.service';
import { adaptiveCard, heading, line } from './card';
import { deadlineRule, deadlineStatus } from '../../src/services/deadline-words';
import { escapeCardText } from './escape';

const heldFacts = ({ t, dates }: Words, review: ReviewConference) => ({
  type: 'FactSet',
  separator: true,
  facts: [
    { title: t('review.fact.held'), value: dates.date(review.date) },
    { title: t('review.fact.decided'), value: review.outcome ? t(`review.outcome.${review.outcome}`) : t('review.notRecorded') },
    { title: t('review.fact.chairedBy'), value: escapeCardText(review.chairName ?? t('review.notRecorded')) },
    ...(review.nextReviewOn ? [{ title: t('review.fact.nextReviewSet'), value: dates.date(review.nextReviewOn) }] : []),
  ],
});

/**
 * A case's review child protection conferences, in the reader's language: the next one due (and
 * booked), those held with what they decided, and where to book or record one. The case reference
 * only, never the child's name. 1:1 only.
 */
export function reviewCard(words: Words, reviews: ReviewConferences): object {
  const { t, dates } = words;
  const booked = reviews.reviews.find((review) => review.status === 'scheduled');
  const held = reviews.reviews.filter((review) => review.status === 'held');
  return adaptiveCard([
    heading(t('review.title', { caseReference: escapeCardText(reviews.coreGroup.caseReference) })),
    reviews.planEndedOn
      ? line(t('review.planEnded', { date: dates.date(reviews.planEndedOn) }), { weight: 'Bolder' })
      : reviews.nextDue
        ? line(t('review.nextDue', { date: dates.date(reviews.nextDue.due), status: deadlineStatus(words, reviews.nextDue.status), rule: escapeCardText(deadlineRule(words, reviews.nextDue)) }), { weight: 'Bolder' })
        : line(t('review.noneDue')),
    line(booked ? t('review.booked', { date: dates.date(booked.date) }) : t('review.noneBooked')),
    ...(held.length === 0 ? [line(t('review.noneHeld'), { isSubtle: true })] : held.map((review) => heldFacts(words, review))),
    ...(reviews.canRecord ? [line(t('review.howToRecord'), { isSubtle: true, separator: true })] : []),
  ]);
}
