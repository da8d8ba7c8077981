import { RuleViolationError, said } from '../../domain/errors';
import { type CoreGroupMeeting, type MeetingBooking, changesRecordedOccurrence } from '../../domain/meeting';
import { ukDateTime } from '../../domain/uk-date';
import type { SchedulingDeps } from './scheduling-deps';

/**
 * One meeting of a booked series, as the person changing it saw it: its start then, and the
 * calendar's id for it — an id it keeps when it is moved — when they were given one (a meeting
 * after the one the record keeps). Without an id it is the meeting the record keeps, known by
 * the record's own id; or, on a card sent before meetings carried their id, the one at that start.
 */
export interface SeenOccurrence {
  readonly startMs: number;
  readonly id?: string | undefined;
}

/**
 * Where that meeting stands now: on the calendar (`eventId` to change it, its start now, whether the
 * record keeps it), cancelled, or not found — nothing at the start seen, and no identity to follow
 * it by, so it was moved or cancelled since and which is not known.
 */
export type OccurrenceNow =
  | { readonly state: 'standing'; readonly eventId: string; readonly startMs: number; readonly recorded: boolean }
  | { readonly state: 'cancelled' }
  | { readonly state: 'not-found' };

/**
 * Finds the meeting a change is for by its identity, never by a start a move has changed: the
 * calendar's occurrence id, or the meeting record (which a move and a cancellation update). An id
 * from another series is not followed: a card's data is not trusted to name this series' meetings.
 */
export async function occurrenceNow(deps: Pick<SchedulingDeps, 'calendar'>, request: { meeting: CoreGroupMeeting & { booking: MeetingBooking }; seen: SeenOccurrence }): Promise<OccurrenceNow> {
  const { meeting, seen } = request;
  const { organiser, eventId: seriesId } = meeting.booking;
  if (seen.id !== undefined) {
    const found = await deps.calendar.occurrence(organiser, seen.id);
    if (!found) return { state: 'cancelled' };
    if (found.seriesId !== seriesId) return { state: 'not-found' };
    return { state: 'standing', eventId: found.id, startMs: found.startMs, recorded: changesRecordedOccurrence(meeting, found.startMs) };
  }
  const recorded = changesRecordedOccurrence(meeting, seen.startMs);
  if (recorded && meeting.status === 'cancelled') return { state: 'cancelled' };
  const around = await deps.calendar.occurrences(organiser, seriesId, seen.startMs - 60_000, seen.startMs + 60_000);
  const there = around.find((candidate) => candidate.startMs === seen.startMs);
  return there ? { state: 'standing', eventId: there.id, startMs: there.startMs, recorded } : { state: 'not-found' };
}

/** The meeting seen is not where it was seen (moved or cancelled since): nothing is changed, and nothing is claimed about what happened to it. */
export function noLongerThere(seen: SeenOccurrence): RuleViolationError {
  const at = new Date(seen.startMs).toISOString();
  return new RuleViolationError(`That meeting is no longer at ${ukDateTime(at)}: it has been moved or cancelled since. Nothing was changed.`, { said: said('serviceRefusals.scheduling.noLongerThere', { at }) });
}
