import type { Cp9Job } from '../../contracts/jobs.contract';
import { NotConfiguredError } from '../../domain/errors';
import { oneLineUserText } from '../../domain/display-text';
import { ukDate } from '../../domain/uk-date';
import type { Cp9Record } from '../cp9-record';
import type { PlanCirculation } from '../plan-circulation.service';
import type { Mailer } from '../ports/mailer.port';

/**
 * E-mails the CP9 record of a held core group from the organiser mailbox to the area's Children
 * Services co-ordinator (seed 001), then records it as sent. The mail service's refusal, or no
 * mailbox to send from, fails the job for good (the tab shows the CP9 as failed, to send again);
 * an outage is retried by the job runner.
 */
export function createCp9Mail(deps: {
  circulation: Pick<PlanCirculation, 'cp9MailOf' | 'recordCp9Sent'>;
  cp9: Pick<Cp9Record, 'file'>;
  mailer: Mailer;
  /** The configured organiser mailbox, used when the meeting names none. */
  organiserMailbox?: string | undefined;
}) {
  return {
    async send(job: Cp9Job): Promise<void> {
      const mail = await deps.circulation.cp9MailOf(job);
      if (!mail) return;
      const from = mail.from ?? deps.organiserMailbox;
      if (!from) throw new NotConfiguredError('There is no mailbox to send the CP9 from: set ORGANISER_MAILBOX.', { internalMessage: 'no organiser mailbox, and the meeting names none' });
      const record = await deps.cp9.file(mail.meeting.id);
      // Plain text, one line: the subject is a header line, and the body is sent as Text, never HTML.
      const reference = oneLineUserText(mail.caseReference);
      const meetingDate = ukDate(mail.meeting.date);
      await deps.mailer.sendMail({
        from,
        to: mail.to,
        subject: `CP9 — case ${reference}, core group meeting of ${meetingDate}`,
        bodyText: `The CP9 record of the core group meeting of ${meetingDate} for case ${reference} is attached. It contains confidential information about a child: keep it securely.`,
        attachment: { name: record.fileName, contentType: 'application/pdf', content: record.file },
      });
      await deps.circulation.recordCp9Sent(job);
    },
  };
}

export type Cp9Mail = ReturnType<typeof createCp9Mail>;
