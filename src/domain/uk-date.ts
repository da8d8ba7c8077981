import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from './civil-date';

/**
 * Dates and times as people in the UK read them, in cards, messages, e-mails and exported records:
 * "Wed 9 Dec 2026", "14:30" (24-hour, Europe/London), "Dec 2026". Written out here rather than
 * through `Intl`, so the words never depend on the server's locale data. ISO stays on the wire.
 */

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const UK_ZONE = 'Europe/London';

/** "Wed 9 Dec 2026" for a civil date (or its `YYYY-MM-DD` text). */
export function ukDate(date: CivilDate | string): string {
  const civil = Temporal.PlainDate.from(date);
  return `${WEEKDAYS[civil.dayOfWeek - 1]} ${civil.day} ${MONTHS[civil.month - 1]} ${civil.year}`;
}

/** "14:30": the UK wall-clock time of an instant (an ISO string or epoch milliseconds). */
export function ukTime(instant: string | number): string {
  return londonTime(instant).toPlainTime().toString({ smallestUnit: 'minute' });
}

/** "Wed 9 Dec 2026, 14:30": the UK date and time of an instant. */
export function ukDateTime(instant: string | number): string {
  const london = londonTime(instant);
  return `${ukDate(london.toPlainDate())}, ${london.toPlainTime().toString({ smallestUnit: 'minute' })}`;
}

/** The UK civil date of an instant: the day a check-in or a concern was recorded on. */
export function ukDateOfInstant(instant: string | number): string {
  return ukDate(londonTime(instant).toPlainDate());
}

/** "Dec 2026" for a month (`YYYY-MM`): never "Dec 26", which reads as a day. */
export function ukMonth(month: Temporal.PlainYearMonth | string): string {
  const yearMonth = Temporal.PlainYearMonth.from(month);
  return `${MONTHS[yearMonth.month - 1]} ${yearMonth.year}`;
}

function londonTime(instant: string | number): Temporal.ZonedDateTime {
  const at = typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : Temporal.Instant.from(instant);
  return at.toZonedDateTimeISO(UK_ZONE);
}
