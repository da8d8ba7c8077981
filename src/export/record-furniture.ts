import { intlLocaleOf, languagesOfDocument } from '../i18n/language';
import { translatorFor } from '../i18n/translate';
import type { RecordDocument } from '../services/ports/record-renderer.port';

/**
 * The words printed on every page of a record — the references and "Page n of m" — in each of its
 * languages, Welsh first in a bilingual document; and the language tag of the whole file.
 */
export function recordFurniture(document: RecordDocument) {
  const languages = languagesOfDocument(document.language ?? 'en');
  const translators = languages.map((language) => translatorFor(language));
  const references = { caseReference: document.caseReference, auditReference: document.auditReference };
  return {
    /** The BCP 47 tag of the document's first language: `cy-GB` for a Welsh or bilingual record. */
    locale: intlLocaleOf(languages[0]!),
    references: translators.map((t) => t('record.furniture.references', references)),
    page: (page: number, pages: number) => translators.map((t) => t('record.furniture.page', { page, pages })),
    /** For a page number made of fields (Word): the references and the words before the number, and those between it and the total, in each language. */
    pageWords: translators.map((t) => ({ before: t('record.furniture.referencesAndPage', references), between: t('record.furniture.pageBetween') })),
  };
}
