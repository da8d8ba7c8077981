import type { Words } from '../../src/i18n/words';
import type { AgencyReportRequestMessage, ConferencePackReadyMessage } from '../../src/services/ports/notifier.port';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** 1:1 to a member whose agency owes a written report for a review conference, in their language: which case, when it is due, where to write it. Never the child's name, never content. */
export function agencyReportRequestCard({ t, dates }: Words, options: Omit<AgencyReportRequestMessage, 'kind'> & { dashboardUrl: string }): object {
  const caseReference = escapeCardText(options.caseReference);
  return adaptiveCard(
    [
      heading(t(options.chase ? 'reportRequestCard.chaseHeading' : 'reportRequestCard.askHeading', { caseReference })),
      line(t('reportRequestCard.due', { reviewOn: dates.date(options.reviewOn), dueOn: dates.date(options.dueOn) })),
      line(t('reportRequestCard.where'), { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: t('readyCards.openDashboard'), url: options.dashboardUrl }],
  );
}

/** 1:1 to the conference chair (or the lead social worker to pass on), in their language: the conference pack is ready, where to download it. No content in the card. */
export function conferencePackReadyCard({ t, dates }: Words, options: Omit<ConferencePackReadyMessage, 'kind'> & { dashboardUrl: string }): object {
  return adaptiveCard(
    [
      heading(t('packReadyCard.heading', { caseReference: escapeCardText(options.caseReference) })),
      line(t('packReadyCard.ready', { reviewOn: dates.date(options.reviewOn) })),
      line(t(options.forChair ? 'packReadyCard.forChair' : 'packReadyCard.passOn'), { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: t('readyCards.openDashboard'), url: options.dashboardUrl }],
  );
}
