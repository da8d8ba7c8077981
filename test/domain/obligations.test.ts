import { parseCivilDate } from '../../src/domain/civil-date';
import type { MeetingStatus } from '../../src/domain/meeting';
import { type CaseTimeline, computeObligations, nextDeadlines, pressingCount } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const catalogue = loadPolicyCatalogue();
const calendar = loadWorkingDayCalendars()['england-and-wales'];
const d = (text: string) => parseCivilDate(text);
const meeting = (id: string, date: string, status: MeetingStatus) => ({ id, date: d(date), status });

/** ICPC on Monday 1 June 2026 under the 4-weekly seed variant: first core group due 15 June. */
const base: CaseTimeline = {
  icpcDate: d('2026-06-01'),
  meetings: [],
  reviewConferences: [],
  circulations: [],
  agencyReports: [],
  agencies: ['health visiting', 'school'],
};

function obligations(timeline: Partial<CaseTimeline>, asOf: string, policy = 'ten-working-days-four-weekly') {
  return computeObligations({ profile: catalogue.get(policy), calendar, timeline: { ...base, ...timeline }, asOf: d(asOf) });
}

function judged(timeline: Partial<CaseTimeline>, asOf: string, id: string) {
  const found = obligations(timeline, asOf).find((o) => o.id === id);
  if (!found) throw new Error(`no obligation ${id}`);
  return { status: found.status, daysLate: found.daysLate, due: found.due.toString() };
}

describe('first core group: status as the days go by', () => {
  test.each([
    ['nothing booked, two weeks to go', {}, '2026-06-02', 'due', 0],
    ['nothing booked, 3 working days to go', {}, '2026-06-10', 'at-risk', 0],
    ['booked inside the deadline, 1 day to go', { meetings: [meeting('m1', '2026-06-15', 'scheduled')] }, '2026-06-12', 'due', 0],
    ['booked after the deadline', { meetings: [meeting('m1', '2026-06-17', 'scheduled')] }, '2026-06-02', 'at-risk', 0],
    ['deadline passed, nothing held', {}, '2026-06-18', 'overdue', 3],
    ['held on time', { meetings: [meeting('m1', '2026-06-12', 'held')] }, '2026-06-30', 'met', 0],
    ['held 2 days late', { meetings: [meeting('m1', '2026-06-17', 'held')] }, '2026-06-30', 'met', 2],
    ['cancelled meetings satisfy nothing', { meetings: [meeting('m1', '2026-06-12', 'cancelled')] }, '2026-06-16', 'overdue', 1],
    ['a meeting before the ICPC does not count', { meetings: [meeting('m0', '2026-05-20', 'held')] }, '2026-06-16', 'overdue', 1],
  ] as const)('%s', (_case, timeline, asOf, status, daysLate) => {
    expect(judged(timeline, asOf, 'first-core-group')).toEqual({ status, daysLate, due: '2026-06-15' });
  });
});

describe('the rhythm after the first meeting', () => {
  test('each held meeting sets the next deadline 4 weeks on, and the last one stays open', () => {
    const timeline = { meetings: [meeting('m1', '2026-06-12', 'held'), meeting('m2', '2026-07-13', 'held')] };
    const result = obligations(timeline, '2026-07-20').filter((o) => o.kind === 'core-group');
    expect(result.map((o) => [o.id, o.due.toString(), o.status, o.daysLate])).toEqual([
      ['core-group-2', '2026-07-10', 'met', 3],
      ['core-group-3', '2026-08-10', 'due', 0],
    ]);
  });

  test('after the first review, the 6-weekly variant takes over', () => {
    const timeline = {
      meetings: [meeting('m1', '2026-06-10', 'held'), meeting('m2', '2026-07-08', 'held'), meeting('m3', '2026-08-05', 'held'), meeting('m4', '2026-09-02', 'held')],
      reviewConferences: [meeting('r1', '2026-08-28', 'held')],
    };
    const result = obligations(timeline, '2026-09-03', 'seven-working-days-six-weekly-after-review');
    expect(result.find((o) => o.id === 'core-group-5')?.due.toString()).toBe('2026-10-14');
    expect(result.find((o) => o.id === 'core-group-4')?.due.toString()).toBe('2026-09-02');
    expect(result.find((o) => o.id === 'meetings-before-first-review')).toMatchObject({ status: 'met', daysLate: 0 });
  });

  test('fewer meetings than required before the first review is overdue once the review has passed', () => {
    const timeline = { meetings: [meeting('m1', '2026-06-10', 'held')], reviewConferences: [meeting('r1', '2026-08-28', 'held')] };
    const result = obligations(timeline, '2026-09-01', 'seven-working-days-six-weekly-after-review');
    expect(result.find((o) => o.id === 'meetings-before-first-review')).toMatchObject({ status: 'overdue', daysLate: 4 });
  });

  test('a core group within 10 working days of a review conference', () => {
    const timeline = { meetings: [meeting('m1', '2026-06-12', 'held')], reviewConferences: [meeting('r1', '2026-08-27', 'held')] };
    const result = obligations(timeline, '2026-09-14');
    expect(result.find((o) => o.id === 'core-group-after-review-r1')).toMatchObject({ status: 'overdue', daysLate: 3 });
    expect(result.find((o) => o.id === 'core-group-after-review-r1')?.due.toString()).toBe('2026-09-11');
  });

  test('review conferences: the first within 3 months, then every 6 months', () => {
    const timeline = { meetings: [meeting('m1', '2026-06-12', 'held')], reviewConferences: [meeting('r1', '2026-08-27', 'held')] };
    const result = obligations(timeline, '2026-09-01');
    expect(result.find((o) => o.id === 'first-review-conference')).toMatchObject({ status: 'met', daysLate: 0 });
    expect(result.find((o) => o.id === 'review-conference-2')?.due.toString()).toBe('2027-02-27');
  });
});

describe('circulation of minutes and plan', () => {
  const held = { meetings: [meeting('m1', '2026-06-12', 'held')] };

  test.each([
    ['not sent, 2 working days left', [], '2026-06-17', 'at-risk', 0],
    ['not sent, deadline passed', [], '2026-06-22', 'overdue', 3],
    ['sent on the last day', [{ meetingId: 'm1', kind: 'minutes', on: d('2026-06-19') }], '2026-06-22', 'met', 0],
    ['sent late', [{ meetingId: 'm1', kind: 'minutes', on: d('2026-06-24') }], '2026-06-30', 'met', 5],
  ] as const)('minutes %s', (_case, circulations, asOf, status, daysLate) => {
    expect(judged({ ...held, circulations }, asOf, 'minutes-circulation-m1')).toEqual({ status, daysLate, due: '2026-06-19' });
  });

  test('the plan is tracked separately from the minutes', () => {
    const circulations = [{ meetingId: 'm1', kind: 'minutes' as const, on: d('2026-06-15') }];
    expect(judged({ ...held, circulations }, '2026-06-22', 'plan-circulation-m1').status).toBe('overdue');
  });
});

describe('agency reports before a review (Signs of Safety variant)', () => {
  const review = { reviewConferences: [meeting('r1', '2026-08-27', 'scheduled')] };

  test('met only when every agency has reported', () => {
    const some = [{ reviewConferenceId: 'r1', agency: 'school', on: d('2026-08-14') }];
    const all = [...some, { reviewConferenceId: 'r1', agency: 'health visiting', on: d('2026-08-19') }];
    const result = (agencyReports: typeof some, asOf: string) =>
      obligations({ ...review, agencyReports }, asOf, 'ten-working-days-monthly').find((o) => o.id === 'agency-reports-r1');
    expect(result(some, '2026-08-21')).toMatchObject({ status: 'overdue', daysLate: 1 });
    expect(result(all, '2026-08-21')).toMatchObject({ status: 'met', daysLate: 0 });
    expect(result(all, '2026-08-21')?.due.toString()).toBe('2026-08-20');
  });
});

test('obligations stop when the plan ends, except those already met', () => {
  const timeline = { meetings: [meeting('m1', '2026-06-12', 'held')], planEndedOn: d('2026-07-01'), circulations: [] };
  const ids = obligations(timeline, '2026-08-01').map((o) => o.id);
  expect(ids).toContain('first-core-group');
  expect(ids).toContain('minutes-circulation-m1');
  expect(ids).not.toContain('core-group-2');
  expect(ids).not.toContain('first-review-conference');
});

test('every obligation cites the rule and its source', () => {
  for (const obligation of obligations({ meetings: [meeting('m1', '2026-06-12', 'held')] }, '2026-06-20')) {
    expect(obligation.rule).toMatch(/within|At least|report/);
    expect(obligation.source.citation.length).toBeGreaterThan(3);
  }
});

describe('what the next booking must meet, and how pressing a case is', () => {
  test.each([
    ['nothing held: the first core group', [], '2026-06-03', 'first-core-group'],
    ['the first held: the next core group', [meeting('m1', '2026-06-12', 'held')], '2026-06-20', 'core-group-2'],
  ] as const)('%s', (_case, meetings, asOf, expected) => {
    const { meeting: next, review } = nextDeadlines(obligations({ meetings: [...meetings] }, asOf));
    expect(next?.id).toBe(expected);
    expect(review?.id).toBe('first-review-conference');
  });

  test.each([
    ['nothing due yet', [], '2026-06-02', 0],
    ['the first core group missed', [], '2026-06-16', 1],
    ['the first held on time; its minutes, its plan and the next meeting all late (the review still due)', [meeting('m1', '2026-06-12', 'held')], '2026-07-13', 3],
  ] as const)('how pressing a case is: its overdue and at-risk deadlines — %s', (_case, meetings, asOf, expected) => {
    expect(pressingCount(obligations({ meetings: [...meetings] }, asOf))).toBe(expected);
  });
});
