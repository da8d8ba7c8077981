import { z } from 'zod';
import type { JobHandler } from '../src/jobs/job-runner';
import { MINUTES_DELIVERY_JOB, type MinutesDistribution } from '../src/services/minutes-distribution.service';
import type { Mailer } from '../src/services/ports/mailer.port';
import { DeliveryError, type Notifier } from '../src/services/ports/notifier.port';
import type { RecordExport } from '../src/services/record-export.service';
import { minutesTabLink } from './cards/agenda.card';
import { minutesReadyCard } from './cards/minutes.card';

const payloadSchema = z.object({ tenantId: z.string().min(1), meetingId: z.string().uuid(), minutesId: z.string().uuid(), minutesVersion: z.number().int().positive(), memberId: z.string().min(1) });

/**
 * Delivers signed minutes to one person: a Teams 1:1 card with a link for people the bot can reach
 * in Teams, otherwise an e-mail from the organiser mailbox with the minutes as a PDF. Throttling
 * and outages are retried by the job runner; a person reachable neither way is recorded as a
 * failed delivery, so the lead social worker sees who still needs the minutes.
 */
export function minutesDeliveryJobs(deps: {
  distribution: Pick<MinutesDistribution, 'deliveryOf' | 'recordOutcome'>;
  exports: Pick<RecordExport, 'minutesFile'>;
  notifier: Notifier;
  mailer: Mailer;
  /** The configured organiser mailbox, used when the meeting names none. */
  organiserMailbox?: string | undefined;
  teamsAppId: string;
}): Record<string, JobHandler> {
  return {
    [MINUTES_DELIVERY_JOB]: async (raw) => {
      const payload = payloadSchema.parse(raw);
      const delivery = await deps.distribution.deliveryOf(payload);
      if (!delivery) return;
      const { member } = delivery;
      if (member.aadObjectId && member.reach !== 'email-only') {
        try {
          await deps.notifier.sendCard({
            tenantId: payload.tenantId,
            recipientKey: `user:${member.aadObjectId}`,
            card: minutesReadyCard({ caseReference: delivery.caseReference, meetingDate: delivery.meetingDate, minutesUrl: delivery.chatId ? minutesTabLink(deps.teamsAppId, delivery.chatId) : undefined }),
            summary: 'Core Group: minutes are ready',
          });
          await deps.distribution.recordOutcome(payload, { channel: 'teams', outcome: 'sent' });
          return;
        } catch (error) {
          // Not reachable in Teams (never opened a chat with the bot): e-mail instead. Anything else is retried.
          if (!(error instanceof DeliveryError && error.status === 404)) throw error;
        }
      }
      const from = delivery.fromMailbox ?? deps.organiserMailbox;
      if (!member.email || !from) {
        await deps.distribution.recordOutcome(payload, { channel: 'email', outcome: 'failed', detail: member.email ? 'no mailbox to send from' : 'no Teams chat and no e-mail address' });
        return;
      }
      const pdf = await deps.exports.minutesFile(payload.meetingId, 'pdf');
      await deps.mailer.sendMail({
        from,
        to: member.email,
        subject: `Core group minutes — case ${delivery.caseReference}, meeting of ${delivery.meetingDate}`,
        bodyText: `The signed minutes of the core group meeting of ${delivery.meetingDate} for case ${delivery.caseReference} are attached. They contain confidential information about a child: keep them securely and share them only as the core group agreed.`,
        attachment: { name: pdf.fileName, contentType: 'application/pdf', content: pdf.file },
      });
      await deps.distribution.recordOutcome(payload, { channel: 'email', outcome: 'sent' });
    },
  };
}
