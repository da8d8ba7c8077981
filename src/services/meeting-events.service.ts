import type { Caller } from './authorise';
import type { AgendaPublisher } from './ports/agenda.port';
import { agendaForCaller, agendaOf, attendeeIdentities, publishAgenda } from './meeting-events/agenda';
import { markPresent } from './meeting-events/mark-present';
import type { MeetingEventsDeps } from './meeting-events/meeting-events-deps';
import { meetingEnded } from './meeting-events/meeting-ended';
import { meetingStarted } from './meeting-events/meeting-started';

/**
 * The meeting's life in its Teams chat: the agenda posted once the app is there, the draft minutes
 * opened when the meeting starts (with the agenda again and the attendance prompt), and the chair
 * and minute-taker reminded of sign-off and the circulation deadline when it ends. Posting is
 * done by durable jobs keyed by meeting, so Teams delivering an event twice posts once. One use
 * case per file under `meeting-events/`; this object binds them to their dependencies.
 */
export function createMeetingEventsService(deps: MeetingEventsDeps) {
  const publisher: AgendaPublisher = { publishAgenda: (booked) => publishAgenda(deps, booked) };
  return {
    ...publisher,
    /** The agenda everyone may see, for the job that posts it. */
    agendaOf: (meetingId: string, started: boolean) => agendaOf(deps, { meetingId, started }),
    /** The Entra object ids of the group's members in Teams: whose clients may fetch their own view of the agenda. */
    attendeeIdentities: (meetingId: string) => attendeeIdentities(deps, meetingId),
    meetingStarted: (event: { tenantId: string; chatId: string }) => meetingStarted(deps, event),
    meetingEnded: (event: { tenantId: string; chatId: string }) => meetingEnded(deps, event),
    /** The agenda card as one caller may see it: a member their own view, anyone else in the meeting chat the shared one. */
    agendaForCaller: (request: { caller: Caller; meetingId: string; started: boolean; conversationId: string }) => agendaForCaller(deps, request),
    markPresent: (request: { caller: Caller; meetingId: string }) => markPresent(deps, request),
  };
}

export type MeetingEventsService = ReturnType<typeof createMeetingEventsService>;
