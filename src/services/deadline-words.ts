import type { Obligation, ObligationStatus, RuleWording } from '../domain/obligations';
import type { Period } from '../domain/policy';
import type { Words } from '../i18n/words';

/** "10 working days", "4 weeks", "1 month" in the reader's language. */
function periodWords({ t }: Words, period: Period): string {
  return t(`caseDeadline.period.${period.unit}`, { count: period.count });
}

/** A rule held as data, in the reader's language; in English exactly the `rule` the engine wrote. */
function wordingText(words: Words, wording: RuleWording): string {
  const { t } = words;
  switch (wording.rule) {
    case 'first-core-group':
    case 'first-review-conference':
      return t(`caseDeadline.rule.${wording.rule}.${wording.start}`, { period: periodWords(words, wording.period) });
    case 'meetings-before-first-review':
      return t('caseDeadline.rule.meetings-before-first-review', { minimum: wording.minimum });
    case 'agency-report-at-final-core-group':
      return t('caseDeadline.rule.agency-report-at-final-core-group', { agency: wording.agency });
    case 'agency-report-before-review':
      return t('caseDeadline.rule.agency-report-before-review', { agency: wording.agency, days: wording.workingDays });
    default:
      return t(`caseDeadline.rule.${wording.rule}`, { period: periodWords(words, wording.period) });
  }
}

/**
 * What a deadline is, in the reader's (or a record's) language: "First core group within 10
 * working days of the ICPC". Plain text holding user text (an agency's name): escape it where it
 * goes into a card, as the English rule was. An obligation without its rule as data (made outside
 * the engine) keeps its English.
 */
export function deadlineRule(words: Words, obligation: Pick<Obligation, 'rule' | 'wording'>): string {
  return obligation.wording ? wordingText(words, obligation.wording) : obligation.rule;
}

/** "due", "at risk", "overdue", "met": where a deadline stands, in a sentence. */
export function deadlineStatus({ t }: Words, status: ObligationStatus): string {
  return t(`caseDeadline.status.${status}`);
}
