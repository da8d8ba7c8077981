import type { MinutesView } from '@contracts/minutes.contract';
import type { TabTranslate } from '../i18n/i18n';

/**
 * Where this version of the minutes stands, in the page's language, from the stage and the
 * amendment the server sends (`editionOf` in src/domain/minutes.ts): "draft", "draft, signed by
 * the chair", "signed", "signed (amendment 2)", "amendment 1 of the signed minutes, not yet signed".
 */
export function editionText(t: TabTranslate, edition: MinutesView['edition']): string {
  switch (edition.stage) {
    case 'draft':
      return t('minutes.edition.draft');
    case 'draft-chair-signed':
      return t('minutes.edition.draftChairSigned');
    case 'signed':
      return edition.amendment > 0 ? t('minutes.edition.amendmentSigned', { number: edition.amendment }) : t('minutes.edition.signed');
    case 'amendment':
      return t('minutes.edition.amendment', { number: edition.amendment });
  }
}
