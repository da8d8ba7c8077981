import type { Cp9Job } from '../../contracts/jobs.contract';
import { NotConfiguredError, said } from '../../domain/errors';
import { oneLineUserText } from '../../domain/display-text';
import type { DocumentLanguage } from '../../i18n/language';
import type { Cp9Record } from '../cp9-record';
import type { PlanCirculation } from '../plan-circulation.service';
import type { Mailer } from '../ports/mailer.port';
import { type CoveringWords, coveringMail } from './covering-mail';

/**
 * The CP9's covering e-mail in the language of the CP9 it covers (the group's document language;
 * both: the Welsh first, then the English): the case by reference only, plain text.
 */
export function cp9CoveringMail(options: { caseReference: string; meetingDate: string; language: DocumentLanguage }): CoveringWords {
  // Plain text, one line: the subject is a header line, and the body is sent as Text, never HTML.
  const caseReference = oneLineUserText(options.caseReference);
  return coveringMail({ chosen: undefined, record: options.language }, ({ t, dates }) => {
    const said = { caseReference, date: dates.date(options.meetingDate) };
    return { subject: t('cp9Mail.subject', said), bodyText: t('cp9Mail.body', said) };
  });
}

/**
 * E-mails the CP9 record of a held core group from the organiser mailbox to the area's Children
 * Services co-ordinator (seed 001), its covering words in the CP9's language, then records it as sent. The mail service's refusal, or no
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
      if (!from) throw new NotConfiguredError('There is no mailbox to send the CP9 from: set ORGANISER_MAILBOX.', { said: said('serviceRefusals.cp9.noOrganiserMailbox'), internalMessage: 'no organiser mailbox, and the meeting names none' });
      const record = await deps.cp9.file(mail.meeting.id);
      await deps.mailer.sendMail({
        from,
        to: mail.to,
        ...cp9CoveringMail({ caseReference: mail.caseReference, meetingDate: mail.meeting.date.toString(), language: record.language }),
        attachment: { name: record.fileName, contentType: 'application/pdf', content: record.file },
      });
      await deps.circulation.recordCp9Sent(job);
    },
  };
}

export type Cp9Mail = ReturnType<typeof createCp9Mail>;
