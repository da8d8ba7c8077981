import i18next, { type TFunction } from 'i18next';
import cyDashboard from './catalogues/cy.dashboard.json';
import cyCore from './catalogues/cy.json';
import cyMinutes from './catalogues/cy.minutes.json';
import cyOutlook from './catalogues/cy.outlook.json';
import cyPages from './catalogues/cy.pages.json';
import cyRecords from './catalogues/cy.records.json';
import enDashboard from './catalogues/en.dashboard.json';
import enCore from './catalogues/en.json';
import enMinutes from './catalogues/en.minutes.json';
import enOutlook from './catalogues/en.outlook.json';
import enPages from './catalogues/en.pages.json';
import enRecords from './catalogues/en.records.json';

/** Each language's catalogue: the core file, and one a part of the tab — the last, what the server sends as facts (each file its own top-level keys). */
const en = { ...enCore, ...enMinutes, ...enDashboard, ...enPages, ...enOutlook, ...enRecords };
const cy = { ...cyCore, ...cyMinutes, ...cyDashboard, ...cyPages, ...cyOutlook, ...cyRecords };

/** The languages the tab speaks: English and Welsh. */
export type TabLanguage = 'en' | 'cy';

/** The tab's catalogues through i18next (as the bot's): both loaded with the page, plain text, escaped by React. */
const instance = i18next.createInstance();
void instance.init({ resources: { en: { translation: en }, cy: { translation: cy } }, lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });

export type TabTranslate = TFunction;

/** One translator per language, made once: the same function on every render, so hooks that use it do not run again for nothing. */
const translators: Readonly<Record<TabLanguage, TabTranslate>> = { en: instance.getFixedT('en'), cy: instance.getFixedT('cy') };

export function tabTranslator(language: TabLanguage): TabTranslate {
  return translators[language];
}

/** The language to show: the person's own choice when they made one, else the host's locale (`cy-GB`: Welsh), else English. */
export function tabLanguage(chosen: TabLanguage | undefined, hostLocale: string | undefined): TabLanguage {
  return chosen ?? (/^cy(?:[-_]|$)/i.test(hostLocale ?? '') ? 'cy' : 'en');
}

/** The tab's catalogues as data, for the test that keeps them whole. */
export const TAB_CATALOGUES = { en, cy } as const;
