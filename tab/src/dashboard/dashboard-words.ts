import type { Obligation } from '@contracts/dashboard.contract';
import { isolatedUserText } from '../common/display-text';
import { obligationLabel } from '../common/labels';
import type { TabTranslate } from '../i18n/i18n';

/** A kind of statutory deadline by name ("Core group meeting"); a kind the catalogue does not know, in words. */
export function obligationIn(t: TabTranslate, kind: string): string {
  return t(`dashLabels.obligation.${kind}`, { defaultValue: obligationLabel(kind) });
}

/**
 * One deadline by name: an agency's report by whose it is ("Report from health visiting"), so two
 * agencies' reports due for the same review conference read apart; any other by its kind.
 */
export function deadlineIn(t: TabTranslate, deadline: Pick<Obligation, 'kind' | 'wording'>): string {
  const agency = deadline.wording && 'agency' in deadline.wording ? deadline.wording.agency : undefined;
  return agency === undefined ? obligationIn(t, deadline.kind) : t('dashLabels.agencyReportFrom', { agency: isolatedUserText(agency) });
}
