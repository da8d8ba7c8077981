import type { MeetingAgendaJob, SignOffReminderJob } from '../../contracts/jobs.contract';
import { languagesOfDocument } from '../../i18n/language';
import { wordsIn } from '../../i18n/words';
import type { Caller } from '../authorise';
import type { Conversations } from '../conversations.service';
import type { MeetingEventsService } from '../meeting-events.service';
import { oneLineUserText } from '../../domain/display-text';
import { type AgendaView, MAX_PERSONAL_VIEWS, type PersonalAgendaView } from '../ports/notifier.port';
import type { CoreGroupRepository, JobQueue, MeetingRepository } from '../ports/store.port';
import { type NoticeAddress, type NoticePolicyDeps, type NoticeRun, deadNoticeRecorder, deliverNotice, senderOf } from './notice-policy';

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
 * sign-off reminder when it ends — a notice to a person, so through the one delivery policy
 * (Teams 1:1 first, else e-mail; each attempt recorded). The chat sees times and headings only.
 */
export function createMeetingNotices(
  deps: NoticePolicyDeps & {
    meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities'>;
    conversations: Pick<Conversations, 'channelUserIds'>;
    coreGroups: Pick<CoreGroupRepository, 'members'>;
    meetings: Pick<MeetingRepository, 'findById'>;
    jobs: Pick<JobQueue, 'enqueue'>;
    organiserMailbox?: string | undefined;
  },
) {
  const reminderAddress = async (job: SignOffReminderJob): Promise<NoticeAddress | undefined> => {
    const meeting = await deps.meetings.findById(job.meetingId);
    const member = meeting && (await deps.coreGroups.members(meeting.coreGroupId)).find((candidate) => candidate.aadObjectId === job.aadObjectId && candidate.active);
    return member && { kind: 'sign-off-reminder', subjectId: job.meetingId, coreGroupId: meeting.coreGroupId, tenantId: job.tenantId, member };
  };
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
        // The chat's preview, in the group's document language (both: the Welsh, then the English).
        summary: languagesOfDocument(view.language ?? 'en')
          .map((language) => wordsIn(language).t(job.started ? 'agenda.headingStarted' : 'agenda.heading'))
          .join(' / '),
        message: { kind: 'agenda', view, refreshFor: await personalViewsFor(deps, job) },
      });
    },

    /** Reminds the chair or minute-taker, 1:1, to finish and sign off the minutes, and by when they must go out. */
    async remindSignOff(job: SignOffReminderJob, run?: NoticeRun): Promise<void> {
      const [view, to] = await Promise.all([deps.meetingEvents.agendaOf(job.meetingId, false), reminderAddress(job)]);
      if (!view || !to) return;
      const members = await deps.coreGroups.members(to.coreGroupId);
      const { caseReference, meetingDate, circulationDue, meetingRole } = job;
      await deliverNotice(deps, {
        to,
        run,
        inTeams: ({ t }) => ({ summary: t('notice.signOffSummary'), message: { kind: 'sign-off-reminder', caseReference, meetingDate, circulationDue, meetingRole, chatId: view.chatId } }),
        from: senderOf(deps.organiserMailbox, members),
        mail: async ({ t, dates }) => {
          const said = { caseReference: oneLineUserText(caseReference), date: dates.date(meetingDate), due: dates.date(circulationDue) };
          return { subject: t('notice.signOffMailSubject', said), bodyText: t(meetingRole === 'chair' ? 'notice.signOffMailBodyChair' : 'notice.signOffMailBodyMinuteTaker', said) };
        },
      });
    },

    recordUndeliveredReminder: deadNoticeRecorder(deps, reminderAddress),
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
