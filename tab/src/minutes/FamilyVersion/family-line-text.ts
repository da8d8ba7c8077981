import type { FamilyLine } from '@contracts/family-version.contract';
import { plainUserText } from '../../common/display-text';
import { formatDateIn } from '../../common/format';
import type { MinutesLanguage } from '../minutes-language';

/**
 * A line the family version prepared, in the page's language, from the facts the server sends
 * (as the server words it in the family's document): "Weekly home visit — Priya Shah (children's
 * social care), by Wed 9 Dec 2026 (under way)." Names and the action's words as people wrote them,
 * without directional formatting, and never isolated: the reviewer may edit the line as text.
 */
export function familyLineText({ t, language }: MinutesLanguage, line: FamilyLine): string {
  const owner = (name: string | undefined) => (name === undefined ? t('familyLine.someoneLeft') : plainUserText(name));
  switch (line.kind) {
    case 'someone-left':
      return t('familyLine.someoneLeft');
    case 'progress':
      return line.action === undefined ? t('familyLine.progressUnknown', { update: plainUserText(line.update) }) : t('familyLine.progress', { action: plainUserText(line.action), update: plainUserText(line.update) });
    case 'new-action':
      return t('familyLine.newAction', { what: plainUserText(line.what), owner: owner(line.owner), date: formatDateIn(language, line.due) });
    case 'plan-action':
      return t('familyLine.planAction', { what: plainUserText(line.what), owner: owner(line.owner), date: formatDateIn(language, line.due), state: t(`familyLine.state.${line.state}`) });
    case 'recommendation':
      return t(`familyLine.recommendation.${line.outcome}`);
    case 'next-meeting':
      return t('familyLine.nextMeeting', { date: formatDateIn(language, line.on) });
  }
}

/** An item's words as the page shows them: as a person wrote them, or its prepared line in the page's language. */
export function familyItemText(words: MinutesLanguage, item: { text?: string | undefined; line?: FamilyLine | undefined }): string {
  return item.line ? familyLineText(words, item.line) : (item.text ?? '');
}
