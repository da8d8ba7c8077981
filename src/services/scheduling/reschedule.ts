import { londonDateAtMs } from '../../domain/civil-date';
import { RuleViolationError } from '../../domain/errors';
import { changesRecordedOccurrence } from '../../domain/meeting';
import { ukDate } from '../../domain/uk-date';
import { type Caller, authorise } from '../authorise';
import { policyOf } from '../policy-calendar';
import { type BookingChange, LONDON, type SchedulingDeps, bookedMeeting, eventToChange, meetingMinutes } from './scheduling-deps';

/**
 * Moves a booked meeting — one occurrence (by its start) or the whole series; the calendar tells
 * the attendees. Moving it again to where it already is changes nothing (`unchanged`), and so does
 * moving an occurrence that is no longer there (moved or cancelled already). A series that has
 * already met is not moved as a whole: that would move the meeting it held. A core group meets
 * at a time still to come, on a working day of the case's part of the UK.
 */
export async function reschedule(deps: SchedulingDeps, request: { caller: Caller; meetingId: string; startMs: number; occurrenceStartMs?: number }): Promise<BookingChange> {
  const meeting = await bookedMeeting(deps, request.meetingId);
  const { coreGroup } = await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
  if (request.startMs <= Date.parse(deps.clock.nowIso())) throw new RuleViolationError('That time has passed: choose one still to come.');
  const newDay = londonDateAtMs(request.startMs);
  if (!policyOf(deps, coreGroup).calendar.isWorkingDay(newDay)) throw new RuleViolationError(`${ukDate(newDay)} is not a working day (a weekend or a bank holiday): choose another day.`);
  const wholeSeries = request.occurrenceStartMs === undefined;
  if (wholeSeries && meeting.startsAt === new Date(request.startMs).toISOString()) return 'unchanged';
  if (wholeSeries && meeting.status !== 'scheduled') throw new RuleViolationError('This series has already met or been cancelled: move its next meeting on its own, or book a new series once it has ended.');
  const endMs = request.startMs + meetingMinutes(deps) * 60_000;
  const eventId = await eventToChange(deps, { meeting, occurrenceStartMs: request.occurrenceStartMs });
  if (!eventId) return 'unchanged';
  await deps.calendar.reschedule(meeting.booking.organiser, eventId, { startMs: request.startMs, endMs, timeZone: LONDON });
  if (changesRecordedOccurrence(meeting, request.occurrenceStartMs)) {
    await deps.meetings.update({ ...meeting, date: londonDateAtMs(request.startMs), startsAt: new Date(request.startMs).toISOString(), endsAt: new Date(endMs).toISOString() });
  }
  return 'changed';
}
