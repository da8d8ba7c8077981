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
    // Six months on is Saturday 27 February 2027: the Friday before.
    expect(result.find((o) => o.id === 'review-conference-2')?.due.toString()).toBe('2027-02-26');
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

describe('agency reports at the final core group before a review (seed 004)', () => {
  const review = { reviewConferences: [meeting('r1', '2026-08-27', 'scheduled')] };
  const reportOf = (agencyReports: CaseTimeline['agencyReports'], asOf: string, meetings = [meeting('m1', '2026-06-12', 'held'), meeting('m2', '2026-07-10', 'held'), meeting('m3', '2026-08-07', 'scheduled')]) =>
    obligations({ ...review, meetings, agencyReports }, asOf, 'ten-working-days-monthly').filter((o) => o.kind === 'agency-report');

  test('each agency owes its own report, due at the final core group before the review, not days before the review', () => {
    const result = reportOf([{ reviewConferenceId: 'r1', agency: 'school', on: d('2026-08-05') }], '2026-08-10');
    expect(result.map((o) => [o.id, o.due.toString(), o.status, o.daysLate])).toEqual([
      ['agency-report-r1-health-visiting', '2026-08-07', 'overdue', 3],
      ['agency-report-r1-school', '2026-08-07', 'met', 0],
    ]);
    expect(result[0]!.rule).toBe('Written report from health visiting at the final core group before the review conference');
    expect(result[0]!.source.citation).toMatch(/^Seed 004/);
  });

  test('while the rhythm still asks for core groups before the review, the reports are due on the last day the final one may be held', () => {
    // Nothing held: first core group by 15 June, then monthly: 15 July, 14 August (Saturday 15th moved back); 15 September is after the review.
    expect(reportOf([], '2026-06-20', [])[0]?.due.toString()).toBe('2026-08-14');
    // Held 12 June: 12 July is a Sunday, so Friday 10 July, then 10 August.
    expect(reportOf([], '2026-06-20', [meeting('m1', '2026-06-12', 'held')])[0]?.due.toString()).toBe('2026-08-10');
  });

  test('profiles without either rule ask for no reports', () => {
    expect(obligations({ ...review }, '2026-08-20', 'england').filter((o) => o.kind === 'agency-report')).toEqual([]);
  });

  test('a profile reading "N working days before the review" owes each agency’s report then; met the day the first came in', () => {
    const reports = obligations({ ...review, agencyReports: [{ reviewConferenceId: 'r1', agency: 'school', on: d('2026-08-21') }] }, '2026-08-20').filter((o) => o.kind === 'agency-report');
    // Thursday 27 August less 5 working days is Thursday 20 August (no bank holiday between).
    expect(reports.map((o) => [o.id, o.due.toString(), o.status, o.metOn?.toString(), o.rule])).toEqual([
      ['agency-report-r1-health-visiting', '2026-08-20', 'at-risk', undefined, 'Written report from health visiting 5 working days before the review conference'],
      ['agency-report-r1-school', '2026-08-20', 'met', '2026-08-21', 'Written report from school 5 working days before the review conference'],
    ]);
    expect(reports[0]!.source.verified).toBe(false);
  });
});

describe('a deadline counted in weeks or months never lands on a day off: it moves to the working day before', () => {
  test.each([
    ['4 weeks after Monday 27 April 2026 is the spring bank holiday, Monday 25 May', '2026-04-27', 'ten-working-days-four-weekly', '2026-05-22'],
    ['a month after Friday 10 April 2026 is Sunday 10 May', '2026-04-10', 'ten-working-days-monthly', '2026-05-08'],
    ['a month after 25 November 2026 is Friday 25 December', '2026-11-25', 'ten-working-days-monthly', '2026-12-24'],
  ] as const)('%s', (_case, heldOn, policy, expected) => {
    // The first held meeting sets core-group-2 at the profile's interval after it.
    const result = computeObligations({ profile: catalogue.get(policy), calendar, timeline: { ...base, icpcDate: d(heldOn).subtract({ days: 7 }), meetings: [meeting('m1', heldOn, 'held')] }, asOf: d(heldOn) });
    const due = result.find((o) => o.id === 'core-group-2')!.due;
    expect(calendar.isWorkingDay(due)).toBe(true);
    expect(due.toString()).toBe(expected);
  });

  test('working days are counted as working days, never moved', () => {
    expect(judged({}, '2026-06-02', 'first-core-group').due).toBe('2026-06-15');
  });
});

describe('a review conference that ends the plan', () => {
  const timeline = {
    meetings: [meeting('m1', '2026-06-12', 'held'), meeting('m2', '2026-07-10', 'held'), meeting('m3', '2026-08-07', 'held')],
    reviewConferences: [{ id: 'r1', date: d('2026-08-27'), status: 'held' as const, outcome: 'end' as const }],
    circulations: [{ meetingId: 'm1', kind: 'minutes' as const, on: d('2026-06-15') }, { meetingId: 'm2', kind: 'minutes' as const, on: d('2026-07-13') }, { meetingId: 'm3', kind: 'minutes' as const, on: d('2026-08-10') }],
  };

  test('leaves nothing due, at risk or overdue after it, on any later date', () => {
    for (const asOf of ['2026-08-28', '2026-10-01', '2027-06-01']) {
      const open = obligations(timeline, asOf).filter((o) => o.status !== 'met');
      expect(open.filter((o) => o.due.toString() > '2026-08-27')).toEqual([]);
    }
  });

  test('a review that continues the plan asks for the next review and a core group after it', () => {
    const continued = { ...timeline, reviewConferences: [{ ...timeline.reviewConferences[0]!, outcome: 'continue' as const }] };
    const ids = obligations(continued, '2026-09-01').map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['review-conference-2', 'core-group-after-review-r1', 'core-group-4']));
  });
});

describe('a case that transferred in from another area', () => {
  /** The transfer-in conference on Monday 1 June 2026 started the plan here. */
  const transferredIn = { start: 'transfer-in' as const };

  test('its first core group and first review run from the transfer-in conference under the transfer-in rules, each with its own text and source', () => {
    const result = obligations(transferredIn, '2026-06-02');
    const first = result.find((o) => o.id === 'first-core-group')!;
    expect([first.due.toString(), first.rule]).toEqual(['2026-06-15', 'First core group within 10 working days of the transfer-in conference']);
    expect(first.source).toEqual({ citation: expect.stringMatching(/^Local practice: first core group within 10 working days of a transfer-in conference/), verified: false });
    const review = result.find((o) => o.id === 'first-review-conference')!;
    expect([review.due.toString(), review.rule]).toEqual(['2026-09-01', 'First review conference within 3 months of the transfer-in conference']);
    expect(review.source).toEqual({ citation: expect.stringMatching(/^Local practice: first review conference within 3 months of a transfer-in conference/), verified: false });
  });

  test('after the first meeting held, the rhythm is the profile’s, as after an ICPC', () => {
    const ids = obligations({ ...transferredIn, meetings: [meeting('m1', '2026-06-12', 'held')] }, '2026-06-20').map((o) => [o.id, o.due.toString()]);
    expect(ids).toEqual(expect.arrayContaining([['core-group-2', '2026-07-10']]));
  });

  test('the seven-working-day profile applies its own seven working days to a transfer in', () => {
    const first = computeObligations({ profile: catalogue.get('seven-working-days-six-weekly-after-review'), calendar, timeline: { ...base, ...transferredIn }, asOf: d('2026-06-02') }).find((o) => o.id === 'first-core-group')!;
    expect(first.due.toString()).toBe('2026-06-10');
  });

  test('a profile that sets no transfer-in timescale lends its ICPC rule, marked unverified and saying so', () => {
    const profile = catalogue.get('england');
    const { firstCoreGroupAfterTransferIn: _first, firstReviewAfterTransferIn: _review, ...rules } = profile.rules;
    const first = computeObligations({ profile: { ...profile, rules }, calendar, timeline: { ...base, ...transferredIn }, asOf: d('2026-06-02') }).find((o) => o.id === 'first-core-group')!;
    expect(first.due.toString()).toBe('2026-06-15');
    expect(first.source).toEqual({ citation: expect.stringMatching(/^This profile sets no transfer-in timescale; the ICPC's is used: Working Together/), verified: false });
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
