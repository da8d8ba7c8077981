import { londonDateAtMs } from '../../domain/civil-date';
import { RuleViolationError, said } from '../../domain/errors';
import type { CoreGroupMeeting } from '../../domain/meeting';
import { ukDate } from '../../domain/uk-date';
import { type Caller, authorise } from '../authorise';
import { policyOf } from '../policy-calendar';
import { type OccurrenceNow, type SeenOccurrence, noLongerThere, occurrenceNow } from './occurrence';
import { type BookingChange, LONDON, type SchedulingDeps, bookedMeeting, meetingMinutes } from './scheduling-deps';

/**
 * Moves a booked meeting — one occurrence (known by its identity: see `SeenOccurrence`) or the
 * whole series; the calendar tells the attendees. Moving it again to where it already is changes
 * nothing (`unchanged`). A cancelled occurrence is not moved, and one no longer where the mover saw
 * it (moved since) is refused: neither is said to be moved. A series that has already met is not
 * moved as a whole: that would move the meeting it held. A core group meets at a time still to
 * come, on a working day of the case's part of the UK.
 */
export async function reschedule(deps: SchedulingDeps, request: { caller: Caller; meetingId: string; startMs: number; occurrenceStartMs?: number; occurrenceId?: string | undefined }): Promise<BookingChange> {
  const meeting = await bookedMeeting(deps, request.meetingId);
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
  if (request.startMs <= Date.parse(deps.clock.nowIso())) throw new RuleViolationError('That time has passed: choose one still to come.', { said: said('serviceRefusals.scheduling.timePassed') });
  const newDay = londonDateAtMs(request.startMs);
  if (!policyOf(deps, coreGroup).calendar.isWorkingDay(newDay)) throw new RuleViolationError(`${ukDate(newDay)} is not a working day (a weekend or a bank holiday): choose another day.`, { said: said('serviceRefusals.scheduling.notWorkingDay', { on: newDay.toString() }) });
  const endMs = request.startMs + meetingMinutes(deps) * 60_000;
  const moved = { ...meeting, date: londonDateAtMs(request.startMs), startsAt: new Date(request.startMs).toISOString(), endsAt: new Date(endMs).toISOString() };
  if (request.occurrenceStartMs === undefined) {
    if (meeting.startsAt === moved.startsAt) return 'unchanged';
    if (meeting.status !== 'scheduled') throw new RuleViolationError('This series has already met or been cancelled: move its next meeting on its own, or book a new series once it has ended.', { said: said('serviceRefusals.scheduling.seriesOver') });
    await deps.calendar.reschedule(meeting.booking.organiser, meeting.booking.eventId, { startMs: request.startMs, endMs, timeZone: LONDON });
    await deps.meetings.update(moved);
    return 'changed';
  }
  const seen = { startMs: request.occurrenceStartMs, id: request.occurrenceId };
  const now = await occurrenceNow(deps, { meeting, seen });
  if (alreadyThere({ meeting, seen, now, startMs: request.startMs })) return 'unchanged';
  if (now.state === 'cancelled') throw new RuleViolationError('That meeting has been cancelled, so it cannot be moved. Nothing was changed.', { said: said('serviceRefusals.scheduling.cancelledNotMoved') });
  if (now.state === 'not-found' || now.startMs !== seen.startMs) throw noLongerThere(seen);
  await deps.calendar.reschedule(meeting.booking.organiser, now.eventId, { startMs: request.startMs, endMs, timeZone: LONDON });
  if (now.recorded) await deps.meetings.update(moved);
  return 'changed';
}

/**
 * Whether the occurrence is where it was asked to go already (a repeated press): followed by its
 * calendar id; or, when nothing is where it was seen, the meeting the record keeps (no calendar id)
 * moved there already, as the record a move updates says.
 */
function alreadyThere(request: { meeting: Pick<CoreGroupMeeting, 'startsAt' | 'status'>; seen: SeenOccurrence; now: OccurrenceNow; startMs: number }): boolean {
  const { meeting, seen, now, startMs } = request;
  if (now.state === 'standing') return now.startMs === startMs;
  return now.state === 'not-found' && seen.id === undefined && meeting.status === 'scheduled' && meeting.startsAt === new Date(startMs).toISOString();
}
