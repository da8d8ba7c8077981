import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../domain/civil-date';
import { ukDate, ukDateOfInstant, ukDateTime, ukTime } from '../domain/uk-date';
import { type Language, intlLocaleOf } from './language';

/** Dates as a reader of one language reads them: "Wed 9 Dec 2026" / "Mer 9 Rhag 2026". */
export interface DatesIn {
  /** A civil date (or its `YYYY-MM-DD` text). */
  date(date: CivilDate | string): string;
  /** The UK civil date of an instant (an ISO string or epoch milliseconds). */
  dateOfInstant(instant: string | number): string;
  /** A span of time on one day, in UK time: "Tue 9 Jun 2026, 14:00–15:30" (a meeting, a slot). */
  timeSpan(startMs: number, endMs: number): string;
  /** An instant in UK time: "Tue 9 Jun 2026, 14:00". */
  dateTime(instant: string | number): string;
}

const UK_ZONE = 'Europe/London';

/**
 * Welsh dates through `Intl` (Node's full ICU holds CLDR's Welsh names); English keeps the
 * hand-written UK form (`uk-date.ts`), which never depends on the server's locale data.
 */
function welshDates(): DatesIn {
  const format = new Intl.DateTimeFormat(intlLocaleOf('cy'), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const ofCivil = (civil: Temporal.PlainDate) => format.format(new Date(Date.UTC(civil.year, civil.month - 1, civil.day, 12)));
  const london = (instant: string | number) => (typeof instant === 'number' ? Temporal.Instant.fromEpochMilliseconds(instant) : Temporal.Instant.from(instant)).toZonedDateTimeISO(UK_ZONE);
  return {
    date: (date) => ofCivil(Temporal.PlainDate.from(date)),
    dateOfInstant: (instant) => ofCivil(london(instant).toPlainDate()),
    // The 24-hour clock, as in English ("14:00"): Welsh writes times the same way.
    timeSpan: (startMs, endMs) => `${ofCivil(london(startMs).toPlainDate())}, ${ukTime(startMs)}–${ukTime(endMs)}`,
    dateTime: (instant) => `${ofCivil(london(instant).toPlainDate())}, ${ukTime(instant)}`,
  };
}

const ENGLISH: DatesIn = { date: ukDate, dateOfInstant: ukDateOfInstant, timeSpan: (startMs, endMs) => `${ukDateTime(startMs)}–${ukTime(endMs)}`, dateTime: ukDateTime };
const WELSH = welshDates();

export function datesIn(language: Language): DatesIn {
  return language === 'cy' ? WELSH : ENGLISH;
}
