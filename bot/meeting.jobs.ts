import { z } from 'zod';
import type { JobHandler } from '../src/jobs/job-runner';
import { MEETING_AGENDA_JOB, type MeetingEventsService, SIGN_OFF_REMINDER_JOB } from '../src/services/meeting-events.service';
import type { Notifier } from '../src/services/ports/notifier.port';
import { agendaCard, minutesTabLink, signOffReminderCard } from './cards/agenda.card';
import { refreshUserIds } from './refresh-users';
import type { ConversationReferenceRepository } from '../src/services/ports/store.port';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const agendaPayload = z.object({ tenantId: z.string().min(1), meetingId: z.string().uuid(), chatId: z.string().min(1), started: z.boolean() });
const reminderPayload = z.object({
  tenantId: z.string().min(1),
  meetingId: z.string().uuid(),
  aadObjectId: z.string().min(1),
  meetingRole: z.enum(['chair', 'minute-taker']),
  caseReference: z.string().min(1),
  meetingDate: isoDate,
  circulationDue: isoDate,
});

/** The key a meeting chat's conversation reference is stored under (see the bot's install handler). */
export const chatRecipientKey = (chatId: string) => `chat:${chatId}`;

/**
 * Posting into the meeting chat and reminding after it. The agenda goes to the chat the app was
 * installed in; until Teams has told the bot about that chat there is no conversation to post to,
 * and the job is retried with backoff.
 */
export function meetingJobs(deps: {
  meetingEvents: Pick<MeetingEventsService, 'agendaOf' | 'attendeeIdentities'>;
  references: Pick<ConversationReferenceRepository, 'find'>;
  notifier: Notifier;
  teamsAppId: string;
}): Record<string, JobHandler> {
  return {
    [MEETING_AGENDA_JOB]: async (raw) => {
      const payload = agendaPayload.parse(raw);
      const view = await deps.meetingEvents.agendaOf(payload.meetingId, payload.started);
      if (!view) return;
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: chatRecipientKey(payload.chatId),
        card: agendaCard(view, { minutesUrl: minutesTabLink(deps.teamsAppId, payload.chatId), refreshFor: await refreshUserIds(deps, payload.tenantId, payload.meetingId) }),
        summary: payload.started ? 'Core group meeting: the draft minutes are open' : 'Core group meeting: agenda',
      });
    },
    [SIGN_OFF_REMINDER_JOB]: async (raw) => {
      const payload = reminderPayload.parse(raw);
      const view = await deps.meetingEvents.agendaOf(payload.meetingId, false);
      if (!view) return;
      await deps.notifier.sendCard({
        tenantId: payload.tenantId,
        recipientKey: `user:${payload.aadObjectId}`,
        card: signOffReminderCard({ ...payload, minutesUrl: minutesTabLink(deps.teamsAppId, view.chatId) }),
        summary: 'Core Group: minutes to sign off',
      });
    },
  };
}
