import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { ukDate, ukDateOfInstant, ukDateTime, ukMonth, ukTime } from '../../src/domain/uk-date';

describe('UK dates for people', () => {
  test('a civil date reads "Wed 9 Dec 2026", from the date or its ISO text', () => {
    expect(ukDate(Temporal.PlainDate.from('2026-12-09'))).toBe('Wed 9 Dec 2026');
    expect(ukDate('2027-01-03')).toBe('Sun 3 Jan 2027');
  });

  test('times are 24-hour UK wall-clock time, in summer and in winter', () => {
    expect(ukTime('2026-06-09T13:30:00Z')).toBe('14:30');
    expect(ukTime('2026-12-09T14:30:00Z')).toBe('14:30');
    expect(ukDateTime('2026-06-09T23:30:00Z')).toBe('Wed 10 Jun 2026, 00:30');
    expect(ukDateTime(Date.parse('2026-12-09T09:05:00Z'))).toBe('Wed 9 Dec 2026, 09:05');
    expect(ukDateOfInstant('2026-03-29T23:30:00Z')).toBe('Mon 30 Mar 2026');
  });

  test('a month reads "Dec 2026", never "Dec 26"', () => {
    expect(ukMonth('2026-12')).toBe('Dec 2026');
    expect(ukMonth(Temporal.PlainYearMonth.from('2027-01'))).toBe('Jan 2027');
  });

  test('every date agrees with en-GB Intl on weekday, day, month and year', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 40 }), (offset) => {
        const date = Temporal.PlainDate.from('2000-01-01').add({ days: offset });
        expect(ukDate(date)).toBe(intl.format(new Date(`${date.toString()}T00:00:00Z`)).replace(',', '').replace('Sept', 'Sep'));
      }),
    );
  });
});
