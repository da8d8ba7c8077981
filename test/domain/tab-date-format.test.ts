import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { ukDate, ukDateTime, ukMonth } from '../../src/domain/uk-date';
import { formatDate, formatInstant, formatMonth, fromUkInputDate, toUkInputDate } from '../../tab/src/common/format';

describe("the tab writes dates as the bot's cards and the records do", () => {
  test('"Wed 9 Dec 2026", "Wed 9 Sep 2026, 14:30" and "Dec 2026": no comma after the weekday, no "Sept", no two-digit year', () => {
    expect(formatDate('2026-12-09')).toBe('Wed 9 Dec 2026');
    expect(formatInstant('2026-09-09T13:30:00Z')).toBe('Wed 9 Sep 2026, 14:30');
    expect(formatMonth('2026-12')).toBe('Dec 2026');
    expect(formatDate('not a date')).toBe('not a date');
  });

  test('for any day and instant, the tab and src/domain/uk-date agree', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 30 }), fc.integer({ min: 0, max: 24 * 60 - 1 }), (offset, minute) => {
        const date = Temporal.PlainDate.from('2010-01-01').add({ days: offset });
        const instant = date.toZonedDateTime('UTC').add({ minutes: minute }).toInstant().toString();
        expect(formatDate(date.toString())).toBe(ukDate(date));
        expect(formatInstant(instant)).toBe(ukDateTime(instant));
        expect(formatMonth(date.toString().slice(0, 7))).toBe(ukMonth(date.toString().slice(0, 7)));
      }),
    );
  });

  test('date inputs are typed day first: 9/12/2026 is 9 December, whatever the browser locale; impossible dates are refused', () => {
    expect(fromUkInputDate('9/12/2026')).toBe('2026-12-09');
    expect(fromUkInputDate(' 09 / 12 / 2026 ')).toBe('2026-12-09');
    expect(toUkInputDate('2026-12-09')).toBe('09/12/2026');
    for (const wrong of ['31/02/2026', '12/31/2026', '2026-12-09', '9/12/26', '9.12.2026', '']) expect(fromUkInputDate(wrong)).toBeUndefined();
    expect(toUkInputDate('9/12')).toBe('9/12');
  });
});
