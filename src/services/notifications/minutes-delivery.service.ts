import type { MinutesDeliveryJob } from '../../contracts/jobs.contract';
import type { LanguagePreferenceRepository } from '../ports/store.port';
import type { MinutesDistribution } from '../minutes-distribution.service';
import type { Mailer } from '../ports/mailer.port';
import type { Notifier } from '../ports/notifier.port';
import type { FamilyVersions } from '../family-version.service';
import type { RecordExport } from '../record-export.service';
import type { Job } from '../ports/store.port';
import { coveringMail } from './covering-mail';
import { runRecordDelivery } from './teams-first';

/**
 * Delivers signed minutes to one person: a Teams 1:1 message with a link for people the app can
 * reach in Teams, otherwise an e-mail from the organiser mailbox with the minutes as a PDF (in the
 * person's chosen language, else the minutes'). A Teams send that fails because the person never
 * opened a chat with the app falls back to e-mail; throttling and outages are retried by the job
 * runner. A person reachable neither way is recorded as a failed delivery, so the lead social
 * worker sees who still needs the minutes.
 * The family and the child get the signed-off family version instead: a Teams message with no
 * content, or an e-mail with the family version attached; neither names the child.
 */
export function createMinutesDelivery(deps: {
  distribution: Pick<MinutesDistribution, 'deliveryOf' | 'recordOutcome'>;
  exports: Pick<RecordExport, 'minutesFile'>;
  familyNotes: Pick<FamilyVersions, 'fileForDelivery'>;
  notifier: Notifier;
  mailer: Mailer;
  /** The configured organiser mailbox, used when the meeting names none. */
  organiserMailbox?: string | undefined;
  /** Each person's chosen language, which the notice and the e-mail are written in. */
  languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
}) {
  return {
    deliver: (job: MinutesDeliveryJob, run?: Pick<Job, 'attempts'>): Promise<void> =>
      runRecordDelivery(deps, {
        job,
        attempt: run?.attempts,
        source: deps.distribution,
        inTeams: ({ caseReference, meetingDate, chatId, familyVersion }, { t }) =>
          familyVersion
            ? { summary: t('notice.familyNotesSummary'), message: { kind: 'family-version-ready', meetingDate, chatId } }
            : { summary: t('notice.minutesSummary'), message: { kind: 'minutes-ready', caseReference, meetingDate, chatId } },
        mail: async ({ reference, meetingDate, familyVersion }, chosen) => {
          const pdf = familyVersion ? await deps.familyNotes.fileForDelivery(job.meetingId, 'pdf') : await deps.exports.minutesFile(job.meetingId, 'pdf');
          const words = coveringMail({ chosen, record: pdf.language }, ({ t, dates }) => {
            const said = { caseReference: reference, date: dates.date(meetingDate) };
            return familyVersion ? { subject: t('notice.familyNotesMailSubject', said), bodyText: t('notice.familyNotesMailBody', said) } : { subject: t('notice.minutesMailSubject', said), bodyText: t('notice.minutesMailBody', said) };
          });
          return { ...words, attachment: { name: pdf.fileName, contentType: 'application/pdf', content: pdf.file } };
        },
      }),
  };
}

export type MinutesDelivery = ReturnType<typeof createMinutesDelivery>;
