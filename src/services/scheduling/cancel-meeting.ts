import { RuleViolationError } from '../../domain/errors';
import { changesRecordedOccurrence } from '../../domain/meeting';
import { type Caller, authorise } from '../authorise';
import { type BookingChange, type SchedulingDeps, bookedMeeting, eventToChange } from './scheduling-deps';

/**
 * Cancels one occurrence (by its start) or the whole series. Seed 000: cancel only as a last
 * resort, so a reason is required; a cancelled meeting satisfies no deadline. Cancelling what is
 * cancelled already changes nothing (`unchanged`).
 */
export async function cancelMeeting(deps: SchedulingDeps, request: { caller: Caller; meetingId: string; reason: string; occurrenceStartMs?: number }): Promise<BookingChange> {
  if (request.reason.trim() === '') throw new RuleViolationError('Say why the meeting is cancelled; meetings are cancelled only as a last resort.');
  const meeting = await bookedMeeting(deps, request.meetingId);
  await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
  if (request.occurrenceStartMs === undefined && meeting.status === 'cancelled') return 'unchanged';
  const eventId = await eventToChange(deps, { meeting, occurrenceStartMs: request.occurrenceStartMs });
  if (!eventId) return 'unchanged';
  await deps.calendar.cancel(meeting.booking.organiser, eventId, request.reason);
  // A meeting that was held stays held: cancelling the rest of its series does not unmake it.
  if (meeting.status === 'scheduled' && changesRecordedOccurrence(meeting, request.occurrenceStartMs)) await deps.meetings.update({ ...meeting, status: 'cancelled', cancellationReason: request.reason });
  return 'changed';
}
