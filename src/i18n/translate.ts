import i18next, { type TFunction } from 'i18next';
import cyCards from './catalogues/cy.cards.json';
import cyMeetings from './catalogues/cy.meetings.json';
import enMeetings from './catalogues/en.meetings.json';
import cyNotices from './catalogues/cy.notices.json';
import enNotices from './catalogues/en.notices.json';
import cyRecords from './catalogues/cy.records.json';
import enRecords from './catalogues/en.records.json';
import cyRefusals from './catalogues/cy.refusals.json';
import cyServiceRefusals from './catalogues/cy.service-refusals.json';
import enRefusals from './catalogues/en.refusals.json';
import enServiceRefusals from './catalogues/en.service-refusals.json';
import cyCore from './catalogues/cy.json';
import enCards from './catalogues/en.cards.json';
import enCore from './catalogues/en.json';
import { datesIn } from './dates';
import { type Language, languageOfLocale } from './language';

/**
 * Each language's catalogue: the core file, and parts — the bot's cards, booking and the meeting
 * chat, the notices, the record's server-worded lines, refusals — each file its own top-level keys.
 */
const en = { ...enCore, ...enCards, ...enMeetings, ...enNotices, ...enRecords, ...enRefusals, ...enServiceRefusals };
const cy = { ...cyCore, ...cyCards, ...cyMeetings, ...cyNotices, ...cyRecords, ...cyRefusals, ...cyServiceRefusals };

/**
 * Core Group's message catalogues through i18next: one instance, both languages loaded at start,
 * plurals by `Intl.PluralRules` (Welsh has six forms). Values are plain text: what goes into a card
 * or a page is escaped there, as any other text.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, cy: { translation: cy } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  // No console banner: the logs are pino's, and hold nothing but what we put there.
  showSupportNotice: false,
});
// A date a refusal names travels as its value (`YYYY-MM-DD`, an ISO instant), since the error does
// not know who will read it; the catalogue words it in the reader's language: `{{on, civilDate}}`,
// `{{at, dateTime}}`.
instance.services.formatter?.add('civilDate', (value: string, language) => datesIn(languageOfLocale(language)).date(value));
instance.services.formatter?.add('dateTime', (value: string, language) => datesIn(languageOfLocale(language)).dateTime(value));

/** The catalogue's words in one language: `t('help.title')`, `t('cases.count', { count })`. */
export type Translate = TFunction;

/** One translator per language, made once. */
const translators: Readonly<Record<Language, Translate>> = { en: instance.getFixedT('en'), cy: instance.getFixedT('cy') };

export function translatorFor(language: Language): Translate {
  return translators[language];
}

/** The catalogues as data, for the checks that keep them whole (`test/i18n`). */
export const CATALOGUES: Readonly<Record<Language, object>> = { en, cy };
