import type { AgencyReportRequestMessage, ConferencePackReadyMessage } from '../../src/services/ports/notifier.port';
import { ukDate } from '../../src/domain/uk-date';
import { adaptiveCard, heading, line } from './card';
import { escapeCardText } from './escape';

/** 1:1 to a member whose agency owes a written report for a review conference: which case, when it is due, where to write it. Never the child's name, never content. */
export function agencyReportRequestCard(options: Omit<AgencyReportRequestMessage, 'kind'> & { dashboardUrl: string }): object {
  const reference = escapeCardText(options.caseReference);
  return adaptiveCard(
    [
      heading(options.chase ? `Your written report is still to come — case ${reference}` : `A written report for the review conference — case ${reference}`),
      line(`The review child protection conference is on ${ukDate(options.reviewOn)}. Your agency's report, on the Signs of Safety template, is due by ${ukDate(options.dueOn)}.`),
      line('Write it under "Reports for the review conference" on the Core Group dashboard: it saves as you go, and the lead social worker sees it once you submit it.', { isSubtle: true }),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the dashboard', url: options.dashboardUrl }],
  );
}

/** 1:1 to the conference chair (or the lead social worker to pass on): the conference pack is ready, where to download it. No content in the card. */
export function conferencePackReadyCard(options: Omit<ConferencePackReadyMessage, 'kind'> & { dashboardUrl: string }): object {
  const reference = escapeCardText(options.caseReference);
  return adaptiveCard(
    [
      heading(`The conference pack is ready — case ${reference}`),
      line(`The pack for the review child protection conference on ${ukDate(options.reviewOn)} is ready: the core group's recommendation, each agency's written report, the plan and its progress, attendance and concerns.`),
      line(
        options.forChair
          ? 'Download it as PDF or DOCX under "Reports for the review conference" on the Core Group dashboard.'
          : 'Nobody in this core group is the conference chair: download it under "Reports for the review conference" on the Core Group dashboard and send it to the chair.',
        { isSubtle: true },
      ),
    ],
    [{ type: 'Action.OpenUrl', title: 'Open the dashboard', url: options.dashboardUrl }],
  );
}
