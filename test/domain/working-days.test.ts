import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCivilDate } from '../../src/domain/civil-date';
import { OutsideHolidayDataError } from '../../src/domain/errors';
import type { HolidayDivision } from '../../src/domain/nation';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';

const calendars = loadWorkingDayCalendars();
const d = (text: string) => parseCivilDate(text);

/** GOV.UK's published weekday bank holidays for 2026 and 2027, typed in from gov.uk/bank-holidays. */
const OFFICIAL: Record<HolidayDivision, string[]> = {
  'england-and-wales': [
    '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  ],
  scotland: [
    '2026-01-01', '2026-01-02', '2026-04-03', '2026-05-04', '2026-05-25', '2026-08-03', '2026-11-30', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-01-04', '2027-03-26', '2027-05-03', '2027-05-31', '2027-08-02', '2027-11-30', '2027-12-27', '2027-12-28',
  ],
  'northern-ireland': [
    '2026-01-01', '2026-03-17', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-07-13', '2026-08-31', '2026-12-25', '2026-12-28',
    '2027-01-01', '2027-03-17', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-07-12', '2027-08-30', '2027-12-27', '2027-12-28',
  ],
};

describe.each(Object.entries(OFFICIAL))('bank holidays in %s', (division, official) => {
  const calendar = calendars[division as HolidayDivision];

  test('the weekday bank holidays of 2026 and 2027 are exactly the official list', () => {
    const listed = [2026, 2027].flatMap((year) => calendar.bankHolidaysIn(year).map((holiday) => holiday.date.toString()));
    expect(listed).toEqual(official);
  });

  test.each(official)('%s is not a working day, and counting across it skips it', (holiday) => {
    const date = d(holiday);
    expect(calendar.isWorkingDay(date)).toBe(false);
    const dayBefore = date.subtract({ days: 1 });
    const next = calendar.addWorkingDays(dayBefore, 1);
    expect(next.toString() > holiday).toBe(true);
    expect(calendar.isWorkingDay(next)).toBe(true);
  });
});

describe('working days differ between nations', () => {
  test.each([
    // from, days, england-and-wales, scotland, northern-ireland
    ['2025-12-31', 1, '2026-01-02', '2026-01-05', '2026-01-02'],
    ['2026-03-16', 1, '2026-03-17', '2026-03-17', '2026-03-18'],
    ['2026-04-02', 1, '2026-04-07', '2026-04-06', '2026-04-07'],
    ['2026-07-10', 1, '2026-07-13', '2026-07-13', '2026-07-14'],
    ['2026-07-31', 1, '2026-08-03', '2026-08-04', '2026-08-03'],
    ['2026-08-28', 1, '2026-09-01', '2026-08-31', '2026-09-01'],
    ['2026-11-27', 1, '2026-11-30', '2026-12-01', '2026-11-30'],
    ['2026-12-24', 1, '2026-12-29', '2026-12-29', '2026-12-29'],
    ['2026-12-31', 1, '2027-01-04', '2027-01-05', '2027-01-04'],
    ['2027-03-16', 1, '2027-03-17', '2027-03-17', '2027-03-18'],
    ['2027-12-23', 2, '2027-12-29', '2027-12-29', '2027-12-29'],
  ])('%s + %i working day(s)', (from, days, englandAndWales, scotland, northernIreland) => {
    expect(calendars['england-and-wales'].addWorkingDays(d(from), days).toString()).toBe(englandAndWales);
    expect(calendars.scotland.addWorkingDays(d(from), days).toString()).toBe(scotland);
    expect(calendars['northern-ireland'].addWorkingDays(d(from), days).toString()).toBe(northernIreland);
  });
});

describe('counting working days', () => {
  const calendar = calendars['england-and-wales'];

  test.each([
    ['an ICPC on a Monday: 10 working days is two weeks later', '2026-06-01', 10, '2026-06-15'],
    ['an ICPC on a Friday: the ICPC day itself never counts', '2026-06-05', 1, '2026-06-08'],
    ['an ICPC on a Saturday', '2026-06-06', 1, '2026-06-08'],
    ['an ICPC before Easter: Good Friday and Easter Monday skipped', '2026-03-27', 10, '2026-04-14'],
    ['across Christmas and the Boxing Day substitute', '2026-12-18', 5, '2026-12-29'],
    ['across Christmas 2027 (two substitute days) and the New Year 2028 substitute', '2027-12-17', 10, '2028-01-05'],
    ['zero working days is the day itself', '2026-06-06', 0, '2026-06-06'],
    ['backwards: 3 working days before a Tuesday after a bank holiday', '2026-05-26', -3, '2026-05-20'],
  ])('%s', (_case, from, days, expected) => {
    expect(calendar.addWorkingDays(d(from), days).toString()).toBe(expected);
  });

  test('workingDaysBetween is the inverse of addWorkingDays', () => {
    for (const days of [1, 5, 7, 10, 15, 40]) {
      const start = d('2026-12-10');
      expect(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, days))).toBe(days);
    }
    expect(calendar.workingDaysBetween(d('2026-06-15'), d('2026-06-01'))).toBe(-10);
  });

  test('dates beyond the holiday data are refused rather than guessed', () => {
    const small = new WorkingDayCalendar({ division: 'scotland', firstYear: 2026, lastYear: 2026, holidays: [] });
    expect(() => small.addWorkingDays(d('2026-12-30'), 5)).toThrow(OutsideHolidayDataError);
    expect(() => small.isWorkingDay(d('2025-12-31'))).toThrow(OutsideHolidayDataError);
  });

  test('a fractional number of working days is refused', () => {
    expect(() => calendar.addWorkingDays(d('2026-06-01'), 1.5)).toThrow('whole number');
  });
});

describe('refreshing bank holidays without a code change', () => {
  test("GOV.UK's bank-holidays.json replaces the embedded list for the years it covers", () => {
    const extra = { title: 'A one-off bank holiday', date: '2027-06-07' };
    const division = (name: string, events: { title: string; date: string }[]) => ({ division: name, events });
    const file = join(mkdtempSync(join(tmpdir(), 'holidays-')), 'bank-holidays.json');
    writeFileSync(
      file,
      JSON.stringify({
        'england-and-wales': division('england-and-wales', [...OFFICIAL['england-and-wales'].map((date) => ({ title: 'holiday', date })), extra]),
        scotland: division('scotland', OFFICIAL.scotland.map((date) => ({ title: 'holiday', date }))),
        'northern-ireland': division('northern-ireland', OFFICIAL['northern-ireland'].map((date) => ({ title: 'holiday', date }))),
      }),
    );
    const refreshed = loadWorkingDayCalendars({ govUkFile: file });
    expect(refreshed['england-and-wales'].isWorkingDay(d('2027-06-07'))).toBe(false);
    expect(calendars['england-and-wales'].isWorkingDay(d('2027-06-07'))).toBe(true);
    expect(refreshed['england-and-wales'].addWorkingDays(d('2027-06-04'), 1).toString()).toBe('2027-06-08');
    expect(refreshed.scotland.isWorkingDay(d('2027-06-07'))).toBe(true);
    expect(refreshed['england-and-wales'].isWorkingDay(d('2030-05-06'))).toBe(false);
  });

  test('a malformed GOV.UK file is refused with the field at fault', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'holidays-')), 'bank-holidays.json');
    writeFileSync(file, JSON.stringify({ 'england-and-wales': { division: 'england-and-wales', events: [{ title: 'x', date: '7 June' }] } }));
    expect(() => loadWorkingDayCalendars({ govUkFile: file })).toThrow(/date|scotland/);
  });
});

describe('adding months', () => {
  const calendar = calendars['england-and-wales'];

  test('agrees with Temporal for every day of four years, forwards and back, month ends clamped', () => {
    const disagreements: string[] = [];
    for (let date = d('2025-01-01'); date.year < 2029; date = date.add({ days: 1 })) {
      for (const months of [1, 3, 6, -1, 13]) {
        const expected = date.add({ months }).toString();
        const actual = calendar.addMonths(date, months).toString();
        if (actual !== expected) disagreements.push(`${date.toString()} + ${months}: ${actual}, not ${expected}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(calendar.addMonths(d('2028-01-31'), 1).toString()).toBe('2028-02-29');
  });

  test('outside the holiday data it still answers, by Temporal', () => {
    expect(calendar.addMonths(d('2040-05-31'), 1).toString()).toBe('2040-06-30');
  });
});
