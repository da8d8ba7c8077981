import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { calendarDaysBetween, londonDateOf } from '../../src/domain/civil-date';

const aDate = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => Temporal.PlainDate.from(date.toISOString().slice(0, 10)));

describe('civil dates', () => {
  test('calendar days between two dates are what Temporal counts, across leap years, clock changes and either order', () => {
    fc.assert(fc.property(aDate, aDate, (from, to) => calendarDaysBetween(from, to) === from.until(to, { largestUnit: 'days' }).days));
    expect(calendarDaysBetween(Temporal.PlainDate.from('2028-02-28'), Temporal.PlainDate.from('2028-03-01'))).toBe(2);
    expect(calendarDaysBetween(Temporal.PlainDate.from('2026-03-30'), Temporal.PlainDate.from('2026-03-28'))).toBe(-2);
  });

  test('an instant is dated in London, the same answer when asked again', () => {
    expect(londonDateOf('2026-03-29T23:30:00Z').toString()).toBe('2026-03-30');
    expect(londonDateOf('2026-12-09T23:30:00Z').toString()).toBe('2026-12-09');
    expect(londonDateOf('2026-03-29T23:30:00Z').toString()).toBe('2026-03-30');
  });
});
