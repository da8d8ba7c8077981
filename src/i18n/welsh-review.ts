import tabCyDashboard from '../../tab/src/i18n/catalogues/cy.dashboard.json';
import tabCy from '../../tab/src/i18n/catalogues/cy.json';
import tabCyMinutes from '../../tab/src/i18n/catalogues/cy.minutes.json';
import tabCyOutlook from '../../tab/src/i18n/catalogues/cy.outlook.json';
import tabCyPages from '../../tab/src/i18n/catalogues/cy.pages.json';
import tabCyRecords from '../../tab/src/i18n/catalogues/cy.records.json';
import tabEnDashboard from '../../tab/src/i18n/catalogues/en.dashboard.json';
import tabEn from '../../tab/src/i18n/catalogues/en.json';
import tabEnMinutes from '../../tab/src/i18n/catalogues/en.minutes.json';
import tabEnOutlook from '../../tab/src/i18n/catalogues/en.outlook.json';
import tabEnPages from '../../tab/src/i18n/catalogues/en.pages.json';
import tabEnRecords from '../../tab/src/i18n/catalogues/en.records.json';
import glossary from './glossary.cy.json';
import reviewed from './catalogues/cy.reviewed.json';
import { CATALOGUES } from './translate';

/**
 * Every catalogue Core Group speaks from: the bot's, the documents' and the notices' (`src/i18n`),
 * and the tab's (`tab/src/i18n`, its keys listed under `tab.`), as their loaders merge them.
 */
/** The tab's catalogues, as `tab/src/i18n/i18n.ts` merges them (that file is the tab's, built by Vite). */
export const TAB_CATALOGUE_FILES = {
  en: { ...tabEn, ...tabEnMinutes, ...tabEnDashboard, ...tabEnPages, ...tabEnOutlook, ...tabEnRecords },
  cy: { ...tabCy, ...tabCyMinutes, ...tabCyDashboard, ...tabCyPages, ...tabCyOutlook, ...tabCyRecords },
};

const ALL = {
  en: { ...CATALOGUES.en, tab: TAB_CATALOGUE_FILES.en },
  cy: { ...CATALOGUES.cy, tab: TAB_CATALOGUE_FILES.cy },
};

/** One Welsh string waiting for a Welsh speaker: its key, the English and the Welsh. */
export interface UnreviewedString {
  readonly key: string;
  readonly english: string;
  readonly welsh: string;
}

/** Every leaf of a catalogue as `a.b.c` → text. */
export function catalogueLeaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value]] : catalogueLeaves(value as object, path);
  });
}

/**
 * The Welsh strings no Welsh speaker has checked yet (`cy.reviewed.json` lists those checked), the
 * tab's too, in catalogue order, each beside its English (a plural's other forms beside the English "other").
 */
export function unreviewedWelsh(): UnreviewedString[] {
  const checked = new Set((reviewed.reviewed as { key: string }[]).map((entry) => entry.key));
  const english = new Map(catalogueLeaves(ALL.en));
  return catalogueLeaves(ALL.cy)
    .filter(([key]) => !checked.has(key))
    .map(([key, welsh]) => ({ key, welsh, english: english.get(key) ?? english.get(key.replace(/_(zero|one|two|few|many|other)$/, '_other')) ?? '' }));
}

/** The glossary's terms with no source in the Welsh procedures or elsewhere: to be checked first. */
export function unsourcedTerms(): { en: string; cy: string; note?: string }[] {
  return glossary.terms.filter((term) => !term.source);
}
