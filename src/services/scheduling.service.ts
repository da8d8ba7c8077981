import { SlotFinder } from '../domain/slot-finding';
import { bookMeeting } from './scheduling/book-meeting';
import { bookedSeriesOfCase } from './scheduling/booked-series-of-case';
import { endSeriesAfter } from './scheduling/end-series';
import { type ExtraMeetingDeps, bookExtraMeeting, extraMeetingOffer } from './scheduling/extra-meeting';
import { cancelMeeting } from './scheduling/cancel-meeting';
import { proposeSlots } from './scheduling/propose-slots';
import { moveMeetingTo } from './scheduling/move-meeting';
import { reschedule } from './scheduling/reschedule';
import { syncResponses } from './scheduling/sync-responses';

export type { Booking } from './scheduling/book-meeting';
export type { BookedSeries, SeriesReply } from './scheduling/booked-series';
export type { SlotOffer } from './scheduling/propose-slots';
export type { ExtraMeetingOffer } from './scheduling/extra-meeting';
export { type SchedulingDeps, transactionIdFor } from './scheduling/scheduling-deps';

/**
 * Scheduling core group meetings: proposing slots inside the policy deadline from members'
 * calendars, and booking the chosen one as a Teams meeting exactly once, whatever the retries;
 * moving and cancelling it; bringing the replies back. One use case per file under
 * `scheduling/`; this object binds them to their dependencies.
 */
export function createSchedulingService(deps: ExtraMeetingDeps) {
  // One finder per service: it caches working-hour boundaries across proposals.
  const proposing = { ...deps, finder: new SlotFinder() };
  return {
    proposeSlots: (request: Parameters<typeof proposeSlots>[1]) => proposeSlots(proposing, request),
    book: (request: Parameters<typeof bookMeeting>[1]) => bookMeeting(deps, request),
    /** Slots for the extra core group granted and not booked yet (seed 001), or nothing. */
    extraMeetingOffer: (request: Parameters<typeof extraMeetingOffer>[1]) => extraMeetingOffer(proposing, request),
    /** Books a granted extra core group: one single meeting beside the series, once. */
    bookExtra: (request: Parameters<typeof bookExtraMeeting>[1]) => bookExtraMeeting(deps, request),
    bookedSeries: (request: Parameters<typeof bookedSeriesOfCase>[1]) => bookedSeriesOfCase(deps, request),
    reschedule: (request: Parameters<typeof reschedule>[1]) => reschedule(deps, request),
    /** Moves a booked meeting to a UK date and time typed in the dashboard. */
    moveTo: (request: Parameters<typeof moveMeetingTo>[1]) => moveMeetingTo(deps, request),
    cancel: (request: Parameters<typeof cancelMeeting>[1]) => cancelMeeting(deps, request),
    syncResponses: (meetingId: string) => syncResponses(deps, meetingId),
    /** When a plan ends: its booked meetings after that day cancelled in Outlook and on the record (no caller: the app's act after an authorised review record). */
    endSeriesAfter: (request: Parameters<typeof endSeriesAfter>[1]) => endSeriesAfter(deps, request),
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
