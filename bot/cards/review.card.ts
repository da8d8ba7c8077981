import { OUTCOME_WORDS, type ReviewConference } from '../../src/domain/review-conference';
import { ukDate } from '../../src/domain/uk-date';
import type { ReviewConferences } from '../../src/services/review-conferences.service';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

const STATUS_WORDS = { due: 'due', 'at-risk': 'at risk', overdue: 'overdue', met: 'met' } as const;

const heldFacts = (review: ReviewConference) => ({
  type: 'FactSet',
  separator: true,
  facts: [
    { title: 'Held', value: ukDate(review.date) },
    { title: 'Decided', value: review.outcome ? OUTCOME_WORDS[review.outcome] : 'not recorded' },
    { title: 'Chaired by', value: escapeCardText(review.chairName ?? 'not recorded') },
    ...(review.nextReviewOn ? [{ title: 'Next review set for', value: ukDate(review.nextReviewOn) }] : []),
  ],
});

/**
 * A case's review child protection conferences: the next one due (and booked), those held with
 * what they decided, and where to book or record one. The case reference only, never the child's
 * name. 1:1 only.
 */
export function reviewCard(reviews: ReviewConferences): object {
  const booked = reviews.reviews.find((review) => review.status === 'scheduled');
  const held = reviews.reviews.filter((review) => review.status === 'held');
  return adaptiveCard([
    heading(`Review conferences — case ${escapeCardText(reviews.coreGroup.caseReference)}`),
    reviews.planEndedOn
      ? line(`The plan ended on ${ukDate(reviews.planEndedOn)}: no review is due.`, { weight: 'Bolder' })
      : reviews.nextDue
        ? line(`Next review conference due by ${ukDate(reviews.nextDue.due)} (${STATUS_WORDS[reviews.nextDue.status]}). ${escapeCardText(reviews.nextDue.rule)}.`, { weight: 'Bolder' })
        : line('No review conference is due.'),
    line(booked ? `Booked for ${ukDate(booked.date)}.` : 'None booked yet.'),
    ...(held.length === 0 ? [line('None held yet.', { isSubtle: true })] : held.map(heldFacts)),
    ...(reviews.canRecord ? [line('Book the next one, or record one that took place, from the Core Group dashboard (Book review…, Record review held…).', { isSubtle: true, separator: true })] : []),
  ]);
}
