import type { PlanDeliveryJob } from '../../contracts/jobs.contract';
import type { LanguagePreferenceRepository } from '../ports/store.port';
import type { PlanCirculation } from '../plan-circulation.service';
import type { Mailer } from '../ports/mailer.port';
import type { Notifier } from '../ports/notifier.port';
import type { RecordExport } from '../record-export.service';
import type { Job } from '../ports/store.port';
import { coveringMail } from './covering-mail';
import { runRecordDelivery } from './teams-first';

/**
 * Delivers the plan circulated after a core group to one person: a Teams 1:1 message (which case,
 * which meeting, where to read it — no content, no child's name) for people the app can reach in
 * Teams, otherwise an e-mail from the organiser mailbox with the plan as a PDF (in the person's
 * chosen language, else the plan's). A person reachable neither way is recorded as a failed
 * delivery, so the lead social worker sees who still needs it.
 */
export function createPlanDelivery(deps: {
  circulation: Pick<PlanCirculation, 'deliveryOf' | 'recordOutcome'>;
  exports: Pick<RecordExport, 'planFile' | 'familyPlanFile'>;
  notifier: Notifier;
  mailer: Mailer;
  /** The configured organiser mailbox, used when the meeting names none. */
  organiserMailbox?: string | undefined;
  /** Each person's chosen language, which the notice and the e-mail are written in. */
  languages?: Pick<LanguagePreferenceRepository, 'of'> | undefined;
}) {
  return {
    deliver: (job: PlanDeliveryJob, run?: Pick<Job, 'attempts'>): Promise<void> =>
      runRecordDelivery(deps, {
        job,
        attempt: run?.attempts,
        source: deps.circulation,
        inTeams: ({ caseReference, meetingDate }, { t }) => ({ summary: t('notice.planSummary'), message: { kind: 'plan-ready', caseReference, meetingDate, planVersion: job.planVersion } }),
        mail: async ({ reference, meetingDate, coreGroupId, member }, chosen) => {
          // The family and the child are sent the plan without what is professional-only.
          const pdf = member.role === 'family-member' || member.role === 'child' ? await deps.exports.familyPlanFile(coreGroupId) : await deps.exports.planFile(coreGroupId, 'pdf');
          const words = coveringMail({ chosen, record: pdf.language }, ({ t, dates }) => {
            const said = { caseReference: reference, date: dates.date(meetingDate) };
            return { subject: t('notice.planMailSubject', said), bodyText: t('notice.planMailBody', said) };
          });
          return { ...words, attachment: { name: pdf.fileName, contentType: 'application/pdf', content: pdf.file } };
        },
      }),
  };
}

export type PlanDeliveryService = ReturnType<typeof createPlanDelivery>;
