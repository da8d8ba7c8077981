import { Temporal } from 'temporal-polyfill';
import type * as Graph from '@microsoft/microsoft-graph-types';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** An event occurrence as UTC epoch milliseconds. */
export interface Occurrence {
  readonly startMs: number;
  readonly endMs: number;
}

/** Reads a Graph dateTimeTimeZone (IANA or UTC) as epoch milliseconds. */
export function instantOf(value: Graph.DateTimeTimeZone | null | undefined): number {
  const zone = value?.timeZone && value.timeZone !== 'UTC' ? value.timeZone : 'UTC';
  return Temporal.PlainDateTime.from((value?.dateTime ?? '').replace(/Z$/, '').slice(0, 23)).toZonedDateTime(zone).epochMilliseconds;
}

/**
 * Expands an event into its occurrences between two instants: a single event is itself; a
 * daily, weekly or absolute-monthly series repeats in its own time zone (so it keeps its local
 * time across the clock changes) up to its range's end date or number of occurrences.
 */
export function occurrences(event: Graph.Event, fromMs: number, toMs: number): Occurrence[] {
  const startMs = instantOf(event.start);
  const durationMs = instantOf(event.end) - startMs;
  const pattern = event.recurrence?.pattern;
  if (!pattern) return startMs < toMs && startMs + durationMs > fromMs ? [{ startMs, endMs: startMs + durationMs }] : [];
  const zone = event.start?.timeZone && event.start.timeZone !== 'UTC' ? event.start.timeZone : 'UTC';
  const first = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone);
  const range = event.recurrence?.range;
  const endDate = range?.type === 'endDate' && range.endDate ? Temporal.PlainDate.from(range.endDate) : undefined;
  const maxCount = range?.type === 'numbered' ? (range.numberOfOccurrences ?? 1) : Infinity;
  const interval = pattern.interval ?? 1;
  const days = (pattern.daysOfWeek ?? []).map((day) => DAY_NAMES.indexOf(day) + 1);
  const result: Occurrence[] = [];
  let count = 0;
  for (let step = 0; step < 2000 && count < maxCount; step++) {
    const candidates =
      pattern.type === 'weekly'
        ? (days.length > 0 ? days : [first.dayOfWeek]).map((day) => first.add({ weeks: step * interval }).add({ days: day - first.dayOfWeek }))
        : pattern.type === 'absoluteMonthly'
          ? [first.add({ months: step * interval })]
          : [first.add({ days: step * interval })];
    for (const occurrence of candidates) {
      if (Temporal.ZonedDateTime.compare(occurrence, first) < 0) continue;
      if (endDate && Temporal.PlainDate.compare(occurrence.toPlainDate(), endDate) > 0) return result;
      if (count >= maxCount) return result;
      count++;
      const at = occurrence.epochMilliseconds;
      if (at >= toMs) return result;
      if (at + durationMs > fromMs) result.push({ startMs: at, endMs: at + durationMs });
    }
  }
  return result;
}
