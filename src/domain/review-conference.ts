import { type CivilDate, isAfter, isBefore } from './civil-date';
import { RuleViolationError, said } from './errors';
import type { ReviewOutcome } from './obligations';
import { type PlanStart, type PolicyProfile, START_CONFERENCE_WORDS, dateAfter, describePeriod } from './policy';
import { ukDate } from './uk-date';
import type { WorkingDays } from './working-days';

export const REVIEW_OUTCOMES = ['continue', 'end', 'category-changed'] as const satisfies readonly ReviewOutcome[];

/** A review child protection conference of a case: booked, then held (with what it decided) or cancelled. */
export interface ReviewConference {
  readonly id: string;
  readonly coreGroupId: string;
  /** The day it is booked for, or the day it was held. */
  readonly date: CivilDate;
  readonly status: 'scheduled' | 'held' | 'cancelled';
  readonly outcome?: ReviewOutcome | undefined;
  /** Who chaired it (the conference chair is often not a member of the core group). */
  readonly chairName?: string | undefined;
  /** The next review date the conference set, when it set one. */
  readonly nextReviewOn?: CivilDate | undefined;
}

/** How a practitioner reads an outcome. */
export const OUTCOME_WORDS: Readonly<Record<ReviewOutcome, string>> = {
  continue: 'the plan continues',
  end: 'the plan ends',
  'category-changed': 'the category changed; the plan continues',
};

/**
 * Books the case's next review conference, or moves the one booked: a working day still to come,
 * after the ICPC and after the last review held. Booking the same day again changes nothing.
 */
export function bookReview(options: {
  id: string;
  coreGroupId: string;
  date: CivilDate;
  today: CivilDate;
  icpcDate: CivilDate;
  /** The conference that started the plan here, on `icpcDate` (an ICPC unless said). */
  start?: PlanStart | undefined;
  reviews: readonly ReviewConference[];
  calendar: WorkingDays;
}): ReviewConference {
  const { date, reviews } = options;
  const booked = reviews.find((review) => review.status === 'scheduled');
  if (booked && booked.date.equals(date)) return booked;
  if (isBefore(date, options.today)) throw new RuleViolationError(`${ukDate(date)} has passed: record a review conference that took place as held instead.`, { said: said('refusals.reviews.passed', { on: date.toString() }) });
  if (!options.calendar.isWorkingDay(date)) throw new RuleViolationError(`${ukDate(date)} is not a working day; choose another day.`, { said: said('refusals.reviews.notWorkingDay', { on: date.toString() }) });
  const lastHeld = reviews.filter((review) => review.status === 'held').at(-1);
  if (lastHeld && !isAfter(date, lastHeld.date)) throw new RuleViolationError(`A review conference comes after the last one (${ukDate(lastHeld.date)}).`, { said: said('refusals.reviews.afterLast', { on: lastHeld.date.toString() }) });
  if (!lastHeld && !isAfter(date, options.icpcDate)) throw new RuleViolationError(`A review conference comes after ${START_CONFERENCE_WORDS[options.start ?? 'icpc']} (${ukDate(options.icpcDate)}).`, { said: said(`refusals.reviews.afterStart.${options.start ?? 'icpc'}`, { on: options.icpcDate.toString() }) });
  return { id: booked?.id ?? options.id, coreGroupId: options.coreGroupId, date, status: 'scheduled' };
}

/**
 * Records a review conference that took place: the day, what it decided, who chaired, and the next
 * review date it set (never later than the profile allows; none when the plan ends). It is the
 * booked one when one is booked (held on its day or another), else a new record. The same facts again
 * change nothing.
 */
export function recordReviewHeld(options: {
  id: string;
  coreGroupId: string;
  heldOn: CivilDate;
  today: CivilDate;
  icpcDate: CivilDate;
  /** The conference that started the plan here, on `icpcDate` (an ICPC unless said). */
  start?: PlanStart | undefined;
  outcome: ReviewOutcome;
  chairName: string;
  nextReviewOn?: CivilDate | undefined;
  reviews: readonly ReviewConference[];
  profile: PolicyProfile;
  calendar: WorkingDays;
}): ReviewConference {
  const { heldOn, outcome, reviews } = options;
  const chairName = options.chairName.trim();
  const same = reviews.find((review) => review.status === 'held' && review.date.equals(heldOn));
  if (same && same.outcome === outcome && same.chairName === chairName && String(same.nextReviewOn) === String(options.nextReviewOn)) return same;
  if (same) throw new RuleViolationError(`A review conference on ${ukDate(heldOn)} is already recorded; its record is kept as it was.`, { said: said('refusals.reviews.alreadyRecorded', { on: heldOn.toString() }) });
  if (isAfter(heldOn, options.today)) throw new RuleViolationError(`${ukDate(heldOn)} is still to come: book the review conference instead.`, { said: said('refusals.reviews.stillToCome', { on: heldOn.toString() }) });
  if (!isAfter(heldOn, options.icpcDate)) throw new RuleViolationError(`A review conference comes after ${START_CONFERENCE_WORDS[options.start ?? 'icpc']} (${ukDate(options.icpcDate)}).`, { said: said(`refusals.reviews.afterStart.${options.start ?? 'icpc'}`, { on: options.icpcDate.toString() }) });
  const ended = reviews.find((review) => review.status === 'held' && review.outcome === 'end');
  if (ended) throw new RuleViolationError(`The plan ended at the review conference on ${ukDate(ended.date)}.`, { said: said('refusals.reviews.planEnded', { on: ended.date.toString() }) });
  if (chairName === '') throw new RuleViolationError('Say who chaired the review conference.', { said: said('refusals.reviews.whoChaired') });
  if (outcome === 'end' && options.nextReviewOn) throw new RuleViolationError('A conference that ends the plan sets no next review.', { said: said('refusals.reviews.endsWithoutNext') });
  if (options.nextReviewOn) {
    const latest = dateAfter(options.calendar, heldOn, options.profile.rules.laterReviewConferences.period);
    if (!isAfter(options.nextReviewOn, heldOn)) throw new RuleViolationError('The next review comes after this one.', { said: said('refusals.reviews.nextAfterThis') });
    const { period } = options.profile.rules.laterReviewConferences;
    if (isAfter(options.nextReviewOn, latest)) throw new RuleViolationError(`The next review must be within ${describePeriod(period)} of this one: by ${ukDate(latest)}.`, { said: said('refusals.reviews.nextWithin', { count: period.count, per: period.unit, by: latest.toString() }) });
  }
  // The booked one took place (on its day, or moved): one is booked at a time.
  const booked = reviews.find((review) => review.status === 'scheduled');
  return { id: booked?.id ?? options.id, coreGroupId: options.coreGroupId, date: heldOn, status: 'held', outcome, chairName, nextReviewOn: options.nextReviewOn };
}
