/** The languages Core Group speaks: English, and Welsh (Welsh Language Standards). */
export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language of a Teams or browser locale (`cy`, `cy-GB`: Welsh); anything else is English. */
export function languageOfLocale(locale: string | undefined): Language {
  return /^cy(?:[-_]|$)/i.test(locale ?? '') ? 'cy' : 'en';
}

/** Words a person may type for a language, in either language: `cymraeg`, `welsh`, `cy`; `english`, `saesneg`, `en`. */
const NAMES: Readonly<Record<string, Language>> = { cymraeg: 'cy', welsh: 'cy', cy: 'cy', english: 'en', saesneg: 'en', en: 'en' };

/** The language a typed word names, if it names one. */
export function languageNamed(word: string): Language | undefined {
  return NAMES[word.trim().toLowerCase()];
}

/** The BCP 47 tag `Intl` formats dates and plurals with for a language. */
export function intlLocaleOf(language: Language): string {
  return language === 'cy' ? 'cy-GB' : 'en-GB';
}

/** The languages a core group's documents are written in: English, Welsh, or both in one file (Welsh first). */
export const DOCUMENT_LANGUAGES = ['en', 'cy', 'both'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/**
 * The languages of a document in the order they are printed: bilingual documents put the Welsh
 * first, so it is read first (Welsh Language Standards: Welsh no less favourably than English).
 */
export function languagesOfDocument(language: DocumentLanguage): readonly Language[] {
  return language === 'both' ? ['cy', 'en'] : [language];
}
