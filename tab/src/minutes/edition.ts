import type { TabTranslate } from '../i18n/i18n';

/**
 * Where this version of the minutes stands, in the page's language. The server names it in words
 * from a fixed set (`editionOf` in src/domain/minutes.ts): "draft", "draft, signed by the chair",
 * "signed", "signed (amendment 2)", "amendment 1 of the signed minutes, not yet signed". Anything
 * else is shown as the server wrote it.
 */
export function editionText(t: TabTranslate, edition: string): string {
  if (edition === 'draft') return t('minutes.edition.draft');
  if (edition === 'draft, signed by the chair') return t('minutes.edition.draftChairSigned');
  if (edition === 'signed') return t('minutes.edition.signed');
  const amendmentSigned = /^signed \(amendment (\d+)\)$/.exec(edition);
  if (amendmentSigned) return t('minutes.edition.amendmentSigned', { number: amendmentSigned[1] });
  const amendment = /^amendment (\d+) of the signed minutes, not yet signed$/.exec(edition);
  if (amendment) return t('minutes.edition.amendment', { number: amendment[1] });
  return edition;
}
