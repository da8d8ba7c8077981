import type { MeetingAgendaJob, SignOffReminderJob } from '../../contracts/jobs.contract';
import type { Caller } from '../authorise';
import type { Conversations } from '../conversations.service';
import type { MeetingEventsService } from '../meeting-events.service';
import { type AgendaView, MAX_PERSONAL_VIEWS, type Notifier, type PersonalAgendaView } from '../ports/notifier.port';

/**
 * The members whose clients fetch their own view of a meeting's shared agenda card: those who have
 * opened a 1:1 chat with the app (the channel knows them by it). Others refresh by hand.
 */
async function personalViewsFor(
  deps: { meetingEvents: Pick<MeetingEventsService, 'attendeeIdentities'>; conversations: Pick<Conversations, 'channelUserIds'> },
  meeting: { tenantId: string; meetingId: string },
): Promise<string[]> {
  const aadObjectIds = await deps.meetingEvents.attendeeIdentities(meeting.meetingId);
  return deps.conversations.channelUserIds({ tenantId: meeting.tenantId, aadObjectIds, limit: MAX_PERSONAL_VIEWS });
}

/**
 * What the app says about a meeting in Teams: the agenda posted into the meeting chat (before the
 * meeting, and again with the attendance prompt when it starts) and the chair's and minute-taker's
 * sign-off reminder when it ends. The chat sees times and headings only.
 */
export function createMeetingNotices(deps: {
  meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities'>;
  conversations: Pick<Conversations, 'channelUserIds'>;
  notifier: Notifier;
}) {
  return {
    /**
     * Posts the agenda into the meeting chat. Until Teams has told the app about that chat there
     * is no conversation to post to: the notifier fails and the job is retried with backoff.
     */
    async postAgenda(job: MeetingAgendaJob): Promise<void> {
      const view = await deps.meetingEvents.agendaOf(job.meetingId, job.started);
      if (!view) return;
      await deps.notifier.send({
        tenantId: job.tenantId,
        to: { kind: 'chat', chatId: job.chatId },
        summary: job.started ? 'Core group meeting: the draft minutes are open' : 'Core group meeting: agenda',
        message: { kind: 'agenda', view, refreshFor: await personalViewsFor(deps, job) },
      });
    },

    /** Reminds the chair or minute-taker, 1:1, to finish and sign off the minutes, and by when they must go out. */
    async remindSignOff(job: SignOffReminderJob): Promise<void> {
      const view = await deps.meetingEvents.agendaOf(job.meetingId, false);
      if (!view) return;
      const { caseReference, meetingDate, circulationDue, meetingRole } = job;
      await deps.notifier.send({
        tenantId: job.tenantId,
        to: { kind: 'person', aadObjectId: job.aadObjectId },
        summary: 'Core Group: minutes to sign off',
        message: { kind: 'sign-off-reminder', caseReference, meetingDate, circulationDue, meetingRole, chatId: view.chatId },
      });
    },
  };
}

export type MeetingNotices = ReturnType<typeof createMeetingNotices>;

/**
 * The agenda card in a meeting chat as each person sees it: everyone the shared card, each
 * verified member of the group their own part (attendance and their open actions) as well. Only a
 * member's view names whose clients refresh the card: that list says who is in the group.
 */
export function createAgendaViews(deps: {
  meetingEvents: Pick<MeetingEventsService, 'agendaForCaller' | 'attendeeIdentities' | 'markPresent'>;
  conversations: Pick<Conversations, 'channelUserIds'>;
}) {
  return {
    /**
     * The agenda card as one person's client shows it: Teams' automatic refresh (`view`) or the
     * "I'm here" press (`mark-present`, which records them as present first, and is refused to
     * anyone not in the group). A verified member gets their own view with the members whose
     * clients refresh it; anyone else in the meeting chat the card everyone there sees, never an
     * error. Nothing when the meeting is no longer booked, is another tenant's, or the caller is
     * neither a member nor in its chat.
     */
    async agendaFor(request: { caller: Caller; meetingId: string; started: boolean; intent: 'view' | 'mark-present'; conversationId: string }): Promise<{ personal: PersonalAgendaView; refreshFor: readonly string[] } | { shared: AgendaView } | undefined> {
      const { caller, meetingId } = request;
      const membersRefreshing = () => personalViewsFor(deps, { tenantId: caller.tenantId, meetingId });
      if (request.intent === 'mark-present') {
        const personal = await deps.meetingEvents.markPresent({ caller, meetingId });
        return personal && { personal, refreshFor: await membersRefreshing() };
      }
      const seen = await deps.meetingEvents.agendaForCaller(request);
      if (!seen || 'shared' in seen) return seen;
      return { personal: seen.personal, refreshFor: await membersRefreshing() };
    },
  };
}

export type AgendaViews = ReturnType<typeof createAgendaViews>;
