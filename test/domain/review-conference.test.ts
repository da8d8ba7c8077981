import { parseCivilDate } from '../../src/domain/civil-date';
import { RuleViolationError } from '../../src/domain/errors';
import { type ReviewConference, bookReview, recordReviewHeld } from '../../src/domain/review-conference';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const d = (text: string) => parseCivilDate(text);
const calendar = loadWorkingDayCalendars()['england-and-wales'];
const profile = loadPolicyCatalogue().get('england');
const base = { coreGroupId: 'cg', icpcDate: d('2026-06-01'), today: d('2026-07-01'), calendar };
const booked: ReviewConference = { id: 'r1', coreGroupId: 'cg', date: d('2026-08-25'), status: 'scheduled' };

describe('booking a review conference', () => {
  test('a working day to come, after the ICPC; booking another day moves the one booked; the same day again changes nothing', () => {
    const first = bookReview({ ...base, id: 'r1', date: d('2026-08-25'), reviews: [] });
    expect(first).toEqual(booked);
    expect(bookReview({ ...base, id: 'r2', date: d('2026-08-26'), reviews: [first] })).toMatchObject({ id: 'r1', date: d('2026-08-26') });
    expect(bookReview({ ...base, id: 'r2', date: d('2026-08-25'), reviews: [first] })).toBe(first);
  });

  test.each([
    ['a day that has passed', '2026-06-30', /has passed/],
    ['the summer bank holiday', '2026-08-31', /not a working day/],
    ['a Saturday', '2026-08-29', /not a working day/],
  ])('refuses %s', (_case, date, message) => {
    expect(() => bookReview({ ...base, id: 'r1', date: d(date), reviews: [] })).toThrow(message);
  });

  test('for a case that transferred in, never on or before its transfer-in conference, and says so', () => {
    const transferredIn = { ...base, start: 'transfer-in' as const, icpcDate: d('2026-07-01'), today: d('2026-06-20') };
    expect(() => bookReview({ ...transferredIn, id: 'r1', date: d('2026-06-30'), reviews: [] })).toThrow('A review conference comes after the transfer-in conference (Wed 1 Jul 2026).');
  });

  test('never before the last one held', () => {
    const held: ReviewConference = { id: 'r0', coreGroupId: 'cg', date: d('2026-08-03'), status: 'held', outcome: 'continue', chairName: 'A' };
    expect(() => bookReview({ ...base, today: d('2026-08-01'), id: 'r1', date: d('2026-08-03'), reviews: [held] })).toThrow(/comes after the last one/);
  });
});

describe('recording a review conference held', () => {
  const held = { ...base, id: 'new', heldOn: d('2026-06-30'), outcome: 'continue' as const, chairName: ' Helen Moss ', reviews: [booked], profile };

  test('the booked one took place (here early): what it decided, who chaired, the next review it set', () => {
    expect(recordReviewHeld({ ...held, nextReviewOn: d('2026-12-01') })).toEqual({ id: 'r1', coreGroupId: 'cg', date: d('2026-06-30'), status: 'held', outcome: 'continue', chairName: 'Helen Moss', nextReviewOn: d('2026-12-01') });
  });

  test('the same facts again change nothing; other facts for the same day are refused', () => {
    const recorded = recordReviewHeld(held);
    expect(recordReviewHeld({ ...held, reviews: [recorded] })).toBe(recorded);
    expect(() => recordReviewHeld({ ...held, outcome: 'end', reviews: [recorded] })).toThrow(/already recorded/);
  });

  test.each([
    ['a day to come', { heldOn: d('2026-07-02') }, /still to come: book the review conference instead/],
    ['no chair', { chairName: '  ' }, /Say who chaired/],
    ['a next review later than the profile allows (6 months)', { nextReviewOn: d('2027-01-04') }, /within 6 months of this one: by Wed 30 Dec 2026/],
    ['a next review before this one', { nextReviewOn: d('2026-06-29') }, /comes after this one/],
    ['a next review for a plan that ends', { outcome: 'end' as const, nextReviewOn: d('2026-12-01') }, /sets no next review/],
  ])('refuses %s', (_case, change, message) => {
    expect(() => recordReviewHeld({ ...held, ...change })).toThrow(message);
  });

  test('nothing more is recorded once a review ended the plan', () => {
    const ended = recordReviewHeld({ ...held, outcome: 'end' });
    expect(() => recordReviewHeld({ ...held, heldOn: d('2026-07-01'), reviews: [ended] })).toThrow(RuleViolationError);
  });
});
