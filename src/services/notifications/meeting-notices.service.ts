import type { MeetingAgendaJob, SignOffReminderJob } from '../../contracts/jobs.contract';
import { DomainError } from '../../domain/errors';
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
 * verified member of the group their own part (attendance and their open actions) as well.
 */
export function createAgendaViews(deps: {
  meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities' | 'personalView' | 'markPresent'>;
  conversations: Pick<Conversations, 'channelUserIds'>;
}) {
  return {
    /**
     * The agenda card as one person's client shows it: Teams' automatic refresh (`view`) or the
     * "I'm here" press (`mark-present`, which records them as present first). A verified member
     * gets their own view; anyone else (a guest, a parent not in the group) refreshing gets the
     * card everyone sees, never an error. Nothing when the meeting is no longer booked.
     */
    async agendaFor(request: { caller: Caller; meetingId: string; started: boolean; intent: 'view' | 'mark-present' }): Promise<{ shared: AgendaView; personal?: PersonalAgendaView | undefined; refreshFor: readonly string[] } | undefined> {
      const { caller, meetingId, started } = request;
      const shared = await deps.meetingEvents.agendaOf(meetingId, started);
      if (!shared) return undefined;
      const refreshFor = await personalViewsFor(deps, { tenantId: caller.tenantId, meetingId });
      try {
        const personal = request.intent === 'mark-present' ? await deps.meetingEvents.markPresent({ caller, meetingId }) : await deps.meetingEvents.personalView({ caller, meetingId, started });
        return { shared, personal, refreshFor };
      } catch (error) {
        if (error instanceof DomainError && request.intent === 'view') return { shared, refreshFor };
        throw error;
      }
    },
  };
}

export type AgendaViews = ReturnType<typeof createAgendaViews>;
