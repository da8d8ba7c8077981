import { londonDateAtMs } from '../../domain/civil-date';
import { changesRecordedOccurrence } from '../../domain/meeting';
import { type Caller, authorise } from '../authorise';
import { LONDON, type SchedulingDeps, bookedMeeting, eventToChange, meetingMinutes } from './scheduling-deps';

/** Moves a booked meeting — one occurrence (by its start) or the whole series; the calendar tells the attendees. */
export async function reschedule(deps: SchedulingDeps, request: { caller: Caller; meetingId: string; startMs: number; occurrenceStartMs?: number }): Promise<void> {
  const meeting = await bookedMeeting(deps, request.meetingId);
  await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
  const endMs = request.startMs + meetingMinutes(deps) * 60_000;
  const eventId = await eventToChange(deps, { meeting, occurrenceStartMs: request.occurrenceStartMs });
  await deps.calendar.reschedule(meeting.booking.organiser, eventId, { startMs: request.startMs, endMs, timeZone: LONDON });
  if (!changesRecordedOccurrence(meeting, request.occurrenceStartMs)) return;
  await deps.meetings.update({ ...meeting, date: londonDateAtMs(request.startMs), startsAt: new Date(request.startMs).toISOString(), endsAt: new Date(endMs).toISOString() });
}
