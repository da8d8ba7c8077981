import { type CivilDate, isAfter } from '../../domain/civil-date';
import type { CoreGroup } from '../../domain/core-group';
import { CalendarError } from '../ports/calendar.port';
import type { SchedulingDeps } from './scheduling-deps';
import { LONDON } from './scheduling-deps';

/** A series or occurrence gone from the organiser's calendar (cancelled as a whole, deleted) leaves nothing to cancel; anything else fails the step. */
const goneIsNothing =
  <T>(nothing: T) =>
  (error: unknown): T => {
    if (error instanceof CalendarError && error.status === 404) return nothing;
    throw error;
  };

/** How far ahead a series' occurrences are looked for: longer than any plan's review interval. */
const HORIZON_DAYS = 400;

/**
 * When a plan ends, its booked core group meetings after that day go: each occurrence of each
 * booked series from the next day on is cancelled in Outlook with the reason (Outlook tells the
 * invitees; occurrences already held stay on calendars), and a recorded meeting still to come is
 * recorded cancelled. Audited as the app's act. Running it again finds nothing left to cancel.
 */
export async function endSeriesAfter(deps: SchedulingDeps, request: { coreGroup: Pick<CoreGroup, 'id' | 'tenantId'>; after: CivilDate; reason: string }): Promise<number> {
  const { coreGroup, after, reason } = request;
  const meetings = (await deps.meetings.listByCoreGroups([coreGroup.id])).get(coreGroup.id) ?? [];
  const fromMs = Math.max(Date.parse(deps.clock.nowIso()), after.add({ days: 1 }).toZonedDateTime({ timeZone: LONDON }).epochMilliseconds);
  let cancelled = 0;
  for (const meeting of meetings) {
    if (meeting.booking) {
      const occurrences = await deps.calendar.occurrences(meeting.booking.organiser, meeting.booking.eventId, fromMs, fromMs + HORIZON_DAYS * 86_400_000).catch(goneIsNothing([]));
      for (const occurrence of occurrences) {
        if (await deps.calendar.cancel(meeting.booking.organiser, occurrence.id, reason).then(() => true, goneIsNothing(false))) cancelled += 1;
      }
    }
    if (meeting.status === 'scheduled' && isAfter(meeting.date, after)) await deps.meetings.update({ ...meeting, status: 'cancelled', cancellationReason: reason });
  }
  await deps.auditLog.append({ at: deps.clock.nowIso(), tenantId: coreGroup.tenantId, actor: 'core-group:plan-ended', action: 'cancel-meetings-after-plan-ended', coreGroupId: coreGroup.id, outcome: 'allowed' });
  return cancelled;
}
