import { RuleViolationError, said } from '../../domain/errors';
import type { MeetingBooking } from '../../domain/meeting';
import { type Caller, authorise } from '../authorise';
import { CalendarError } from '../ports/calendar.port';
import { noLongerThere, occurrenceNow } from './occurrence';
import { type BookingChange, type SchedulingDeps, bookedMeeting } from './scheduling-deps';

/**
 * Cancels one occurrence (known by its identity: see `SeenOccurrence`) or the whole series. Seed
 * 000: cancel only as a last resort, so a reason is required; a cancelled meeting satisfies no
 * deadline. Cancelling what is cancelled already changes nothing (`unchanged`), and only what is:
 * an occurrence no longer where the canceller saw it (moved since) is refused, never cancelled
 * somewhere they did not see it, nor said to be cancelled; a series whose recorded meeting alone
 * was cancelled is still cancelled in Outlook.
 */
export async function cancelMeeting(deps: SchedulingDeps, request: { caller: Caller; meetingId: string; reason: string; occurrenceStartMs?: number; occurrenceId?: string | undefined }): Promise<BookingChange> {
  if (request.reason.trim() === '') throw new RuleViolationError('Say why the meeting is cancelled; meetings are cancelled only as a last resort.', { said: said('serviceRefusals.scheduling.cancelReason') });
  const meeting = await bookedMeeting(deps, request.meetingId);
  await authorise(deps, { caller: request.caller, coreGroupId: meeting.coreGroupId, action: 'schedule-meeting', targetId: meeting.id });
  if (request.occurrenceStartMs === undefined) {
    // The record says cancelled when only its own meeting was: the series is cancelled once the calendar no longer has it.
    if (meeting.status === 'cancelled' && !(await onCalendar(deps, meeting.booking))) return 'unchanged';
    await deps.calendar.cancel(meeting.booking.organiser, meeting.booking.eventId, request.reason);
    // A meeting that was held stays held: cancelling the rest of its series does not unmake it.
    if (meeting.status === 'scheduled') await deps.meetings.update({ ...meeting, status: 'cancelled', cancellationReason: request.reason });
    return 'changed';
  }
  const seen = { startMs: request.occurrenceStartMs, id: request.occurrenceId };
  const now = await occurrenceNow(deps, { meeting, seen });
  if (now.state === 'cancelled') return 'unchanged';
  if (now.state === 'not-found' || now.startMs !== seen.startMs) throw noLongerThere(seen);
  await deps.calendar.cancel(meeting.booking.organiser, now.eventId, request.reason);
  if (now.recorded && meeting.status === 'scheduled') await deps.meetings.update({ ...meeting, status: 'cancelled', cancellationReason: request.reason });
  return 'changed';
}

/** Whether the organiser's calendar still has the series: cancelled as a whole, it is deleted from it (Graph answers 404). */
async function onCalendar(deps: Pick<SchedulingDeps, 'calendar' | 'clock'>, booking: MeetingBooking): Promise<boolean> {
  const nowMs = Date.parse(deps.clock.nowIso());
  return deps.calendar.occurrences(booking.organiser, booking.eventId, nowMs, nowMs + 60_000).then(
    () => true,
    (error: unknown) => {
      if (error instanceof CalendarError && error.status === 404) return false;
      throw error;
    },
  );
}
