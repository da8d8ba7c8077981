import { Temporal } from 'temporal-polyfill';
import type { CivilDate } from '../../domain/civil-date';
import type { Caller } from '../authorise';
import { reschedule } from './reschedule';
import { type BookingChange, LONDON, type SchedulingDeps } from './scheduling-deps';

/**
 * Moves a booked meeting (one occurrence, or the series) to a date and 24-hour time given in UK
 * time, as the dashboard asks; `reschedule` authorises it and refuses a time gone by or a day that
 * is not a working day. Returns what it did and the new start (an ISO instant).
 */
export async function moveMeetingTo(
  deps: SchedulingDeps,
  request: { caller: Caller; meetingId: string; date: CivilDate | string; time: string; occurrenceStartMs?: number; occurrenceId?: string | undefined },
): Promise<{ outcome: BookingChange; startsAt: string }> {
  const startMs = Temporal.PlainDateTime.from(`${request.date.toString()}T${request.time}`).toZonedDateTime(LONDON).epochMilliseconds;
  const occurrence = request.occurrenceStartMs === undefined ? {} : { occurrenceStartMs: request.occurrenceStartMs, occurrenceId: request.occurrenceId };
  const outcome = await reschedule(deps, { caller: request.caller, meetingId: request.meetingId, startMs, ...occurrence });
  return { outcome, startsAt: new Date(startMs).toISOString() };
}
