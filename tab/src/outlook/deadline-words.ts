import type { OutlookDeadline } from '@contracts/filing.contract';
import { isolatedUserText } from '../common/display-text';
import type { TabTranslate } from '../i18n/i18n';

type Period = Extract<OutlookDeadline['wording'], { period: unknown }>['period'];

/** "10 working days", "4 weeks", "1 month" in the reader's language. */
function periodIn(t: TabTranslate, period: Period): string {
  return t(`outlook.deadline.period.${period.unit}`, { count: period.count });
}

/**
 * What a deadline is, from its rule as the server sends it (data, not words), in the reader's
 * language: "First core group within 10 working days of the ICPC", "Written report from health
 * visiting 5 working days before the review conference". In English, exactly the rule the server's
 * engine writes (the bot words it the same way, from its own catalogues).
 */
export function deadlineRuleIn(t: TabTranslate, wording: OutlookDeadline['wording']): string {
  switch (wording.rule) {
    case 'first-core-group':
    case 'first-review-conference':
      return t(`outlook.deadline.rule.${wording.rule}.${wording.start}`, { period: periodIn(t, wording.period) });
    case 'meetings-before-first-review':
      return t('outlook.deadline.rule.meetings-before-first-review', { minimum: wording.minimum });
    case 'agency-report-at-final-core-group':
      return t('outlook.deadline.rule.agency-report-at-final-core-group', { agency: isolatedUserText(wording.agency) });
    case 'agency-report-before-review':
      return t('outlook.deadline.rule.agency-report-before-review', { agency: isolatedUserText(wording.agency), days: wording.workingDays });
    default:
      return t(`outlook.deadline.rule.${wording.rule}`, { period: periodIn(t, wording.period) });
  }
}
