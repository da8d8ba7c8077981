import { parseCivilDate } from '../../src/domain/civil-date';
import { minutesCirculation, minutesCirculationDue, minutesCirculationObligation } from '../../src/domain/circulation';
import { computeObligations } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';

const catalogue = loadPolicyCatalogue();
const calendar = loadWorkingDayCalendars()['england-and-wales'];
const d = (text: string) => parseCivilDate(text);
/** A meeting on Friday 12 June 2026; under the 4-weekly seed variant its minutes are due 5 working days later, Friday 19 June. */
const profile = catalogue.get('ten-working-days-four-weekly');
const meeting = { id: 'm1', date: d('2026-06-12') };

describe('circulation of a meeting’s minutes', () => {
  test('the due date is the policy’s circulation period after the meeting, in working days', () => {
    expect(minutesCirculationDue({ profile, calendar, meetingDate: meeting.date }).toString()).toBe('2026-06-19');
  });

  test.each([
    ['a week before', '2026-06-12', false, 'due'],
    ['two days before', '2026-06-17', false, 'due'],
    ['the day before', '2026-06-18', false, 'at-risk'],
    ['on the day', '2026-06-19', false, 'at-risk'],
    ['the day after', '2026-06-20', false, 'overdue'],
    ['the day after, but everyone had them', '2026-06-20', true, 'met'],
    ['a week before, and everyone had them', '2026-06-12', true, 'met'],
  ])('%s the deadline: %s', (_case, today, circulated, expected) => {
    const circulations = circulated ? [{ meetingId: 'm1', kind: 'minutes' as const, on: d('2026-06-15') }] : [];
    const judged = minutesCirculation({ profile, calendar, meeting, circulations, today: d(today) });
    expect({ due: judged.due.toString(), status: judged.status }).toEqual({ due: '2026-06-19', status: expected });
  });

  test.each([
    ['the plan of this meeting', { meetingId: 'm1', kind: 'plan' as const }],
    ['the minutes of another meeting', { meetingId: 'm2', kind: 'minutes' as const }],
  ])('circulating %s does not circulate these minutes', (_case, other) => {
    expect(minutesCirculation({ profile, calendar, meeting, circulations: [{ ...other, on: d('2026-06-15') }], today: d('2026-06-20') }).status).toBe('overdue');
  });

  test('the obligation to circulate one meeting’s minutes is found among the case’s obligations', () => {
    const timeline = { icpcDate: d('2026-06-01'), meetings: [{ ...meeting, status: 'held' as const }], reviewConferences: [], circulations: [], agencyReports: [], agencies: [] };
    const obligations = computeObligations({ profile, calendar, timeline, asOf: d('2026-06-22') });
    const found = minutesCirculationObligation(obligations, 'm1');
    expect(found && { kind: found.kind, due: found.due.toString(), status: found.status }).toEqual({ kind: 'minutes-circulation', due: '2026-06-19', status: 'overdue' });
    expect(minutesCirculationObligation(obligations, 'm2')).toBeUndefined();
  });
});
