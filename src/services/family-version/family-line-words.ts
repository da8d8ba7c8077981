import type { FamilyLine, FamilyReadingLine } from '../../domain/family-version';
import type { Words } from '../../i18n/words';

/**
 * A line the family version prepared, in the reader's language: "Weekly home visit — Priya Shah
 * (children's social care), by Wed 9 Dec 2026 (under way)." The names and the action's words are
 * as people wrote them.
 */
export function familyLineText(words: Words, line: FamilyLine): string {
  const { t, dates } = words;
  const owner = (name: string | undefined) => name ?? t('familyLine.someoneLeft');
  switch (line.kind) {
    case 'someone-left':
      return t('familyLine.someoneLeft');
    case 'progress':
      return line.action === undefined ? t('familyLine.progressUnknown', { update: line.update }) : t('familyLine.progress', { action: line.action, update: line.update });
    case 'new-action':
      return t('familyLine.newAction', { what: line.what, owner: owner(line.owner), date: dates.date(line.due) });
    case 'plan-action':
      return t('familyLine.planAction', { what: line.what, owner: owner(line.owner), date: dates.date(line.due), state: t(`familyLine.state.${line.state}`) });
    case 'recommendation':
      return t(`familyLine.recommendation.${line.outcome}`);
    case 'next-meeting':
      return t('familyLine.nextMeeting', { date: dates.date(line.on) });
  }
}

/** What the family reads of one item: what a person wrote, as written, or the prepared line in the reader's words. */
export function familyReadingText(words: Words, item: FamilyReadingLine): string {
  return item.line ? familyLineText(words, item.line) : (item.text ?? '');
}
