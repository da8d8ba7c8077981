import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { timelineEventSchema } from '../../src/contracts/dashboard.contract';
import { MEMBER_ROLES } from '../../src/domain/core-group';
import { CONCERN_KINDS, escalationRoute, recipientsAtStep } from '../../src/domain/escalation';
import { routeNameOf } from '../../src/domain/concern-steps';
import { FAMILY_SECTIONS, PROFESSIONAL_ONLY_PARTS } from '../../src/domain/family-version';
import { ATTENDANCE, RECOMMENDATION_OUTCOMES } from '../../src/domain/minutes';
import { ACTION_STATES, CHECK_IN_STATUSES } from '../../src/domain/plan';
import { PLAN_CHANGE_FIELDS, PLAN_CHANGE_LINE_KINDS } from '../../src/domain/plan-edit';
import { LANGUAGES, type Language, intlLocaleOf, languageNamed, languageOfLocale } from '../../src/i18n/language';
import { CATALOGUES, translatorFor } from '../../src/i18n/translate';
import { TAB_CATALOGUE_FILES } from '../../src/i18n/welsh-review';

/** The tab's catalogues as tab/src/i18n/i18n.ts merges them (that file is the tab's module, built by Vite). */
const TAB_CATALOGUES = TAB_CATALOGUE_FILES;

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf of a catalogue as `a.b.c` → text. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [inner, text] of leaves(value as object, path)) found.set(inner, text);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the message catalogues', () => {
  const byLanguage = Object.fromEntries(LANGUAGES.map((language) => [language, leaves(CATALOGUES[language])])) as Record<Language, Map<string, string>>;
  const baseKeys = (language: Language) => new Set([...byLanguage[language].keys()].map((key) => key.replace(PLURAL, '')));

  test('English and Welsh have the same keys: neither lacks one the other has (a plural counts once)', () => {
    expect([...baseKeys('cy')].sort()).toEqual([...baseKeys('en')].sort());
  });

  test('a plural has exactly the forms its language’s plural rules use (Welsh six, English two)', () => {
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(intlLocaleOf(language)).resolvedOptions().pluralCategories.slice().sort();
      const plurals = new Map<string, string[]>();
      for (const key of byLanguage[language].keys()) {
        const form = PLURAL.exec(key)?.[1];
        if (form) plurals.set(key.replace(PLURAL, ''), [...(plurals.get(key.replace(PLURAL, '')) ?? []), form]);
      }
      for (const [key, forms] of plurals) expect({ key, forms: forms.sort() }).toEqual({ key, forms: categories });
    }
  });

  test('each text has the same placeholders in both languages, and none is empty', () => {
    for (const [key, english] of byLanguage.en) {
      const welsh = byLanguage.cy.get(key) ?? byLanguage.cy.get(key.replace(PLURAL, '_other'))!;
      expect({ key, placeholders: placeholders(welsh) }).toEqual({ key, placeholders: placeholders(english) });
      expect(english.trim()).not.toBe('');
      expect(welsh.trim()).not.toBe('');
    }
  });

  test('the tab’s catalogues too: the same keys (a plural once), each plural with its language’s forms, the same placeholders, none empty', () => {
    const tab = { en: leaves(TAB_CATALOGUES.en), cy: leaves(TAB_CATALOGUES.cy) };
    const base = (texts: Map<string, string>) => [...new Set([...texts.keys()].map((key) => key.replace(PLURAL, '')))].sort();
    expect(base(tab.cy)).toEqual(base(tab.en));
    for (const language of LANGUAGES) {
      const categories = new Intl.PluralRules(intlLocaleOf(language)).resolvedOptions().pluralCategories.slice().sort();
      const plurals = new Map<string, string[]>();
      for (const key of tab[language].keys()) {
        const form = PLURAL.exec(key)?.[1];
        if (form) plurals.set(key.replace(PLURAL, ''), [...(plurals.get(key.replace(PLURAL, '')) ?? []), form]);
      }
      for (const [key, forms] of plurals) expect({ key, forms: forms.sort() }).toEqual({ key, forms: categories });
    }
    for (const [key, text] of tab.en) {
      const welsh = tab.cy.get(key) ?? tab.cy.get(key.replace(PLURAL, '_other'))!;
      expect({ key, placeholders: placeholders(welsh) }).toEqual({ key, placeholders: placeholders(text) });
      expect(welsh.trim()).not.toBe('');
    }
  });

  test('the files of a catalogue share no top-level key: merged, none hides another’s texts', () => {
    const dir = (root: string) => join(__dirname, '..', '..', root);
    for (const root of ['src/i18n/catalogues', 'tab/src/i18n/catalogues']) {
      for (const language of LANGUAGES) {
        const files = readdirSync(dir(root)).filter((name) => name.startsWith(`${language}.`) && name.endsWith('.json') && !name.includes('reviewed'));
        const keys = files.flatMap((name) => Object.keys(JSON.parse(readFileSync(join(dir(root), name), 'utf8')) as object));
        expect({ root, language, repeated: keys.filter((key, index) => keys.indexOf(key) !== index) }).toEqual({ root, language, repeated: [] });
      }
    }
  });

  test('every code a document or card names has its words in both languages: roles, action states, check-ins, attendance, concerns', () => {
    const codes: [string, readonly string[]][] = [
      ['labels.role', MEMBER_ROLES],
      ['labels.actionState', ACTION_STATES],
      ['labels.checkIn', CHECK_IN_STATUSES],
      ['labels.concern', CONCERN_KINDS],
      ['record.attendance', ATTENDANCE],
      ['conference.attended', ATTENDANCE],
      ['tasks.button', CHECK_IN_STATUSES],
      ['family.section', FAMILY_SECTIONS],
      ['planChange', PLAN_CHANGE_LINE_KINDS],
      ['planChange.field', PLAN_CHANGE_FIELDS],
      ['familyLine.state', ACTION_STATES],
      ['familyLine.recommendation', RECOMMENDATION_OUTCOMES],
    ];
    for (const language of LANGUAGES) {
      const missing = codes.flatMap(([prefix, values]) => values.map((value) => `${prefix}.${value}`)).filter((key) => !byLanguage[language].has(key));
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  test('every code the server sends the tab for it to word has its words there in both languages: change log, family lines, what is left out, concern routes, timeline events', () => {
    const tab = { en: leaves(TAB_CATALOGUES.en), cy: leaves(TAB_CATALOGUES.cy) };
    const routeSteps = CONCERN_KINDS.flatMap((kind) => escalationRoute(kind).steps.map((_step, index) => [`dashConcerns.stepDoes.${routeNameOf(kind)}.${index}`, `dashConcerns.withStep.${recipientsAtStep(kind, index).join('+')}`]).flat());
    const keys = [
      ...PLAN_CHANGE_LINE_KINDS.map((kind) => `planChange.${kind}`),
      ...PLAN_CHANGE_FIELDS.map((field) => `planChange.field.${field}`),
      ...ACTION_STATES.map((state) => `familyLine.state.${state}`),
      ...RECOMMENDATION_OUTCOMES.map((outcome) => `familyLine.recommendation.${outcome}`),
      ...PROFESSIONAL_ONLY_PARTS.map((part) => `familyLeftOut.${part}`),
      ...CONCERN_KINDS.map((kind) => `dashConcerns.label.${kind}`),
      ...routeSteps,
      ...timelineEventSchema.options.filter((event) => event !== 'action-due').map((event) => `dashCharts.timeline.eventName.${event}`),
    ];
    for (const language of LANGUAGES) expect({ language, missing: keys.filter((key) => !tab[language].has(key)) }).toEqual({ language, missing: [] });
  });

  test('plurals and dates follow the language: "3 core groups", Welsh forms through Intl', () => {
    expect(translatorFor('en')('cases.count', { count: 1 })).toBe('1 core group');
    expect(translatorFor('en')('cases.count', { count: 3 })).toBe('3 core groups');
    expect(translatorFor('cy')('cases.count', { count: 2 })).toBe('2 grŵp craidd');
    // Welsh names from the runtime's ICU (CLDR): the punctuation between them may change with its version, the names not.
    expect(new Intl.DateTimeFormat(intlLocaleOf('cy'), { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2026-12-09T12:00:00Z'))).toMatch(/^Mer\W+9 Rhag 2026$/);
  });

  test('the language follows the Teams locale, and the words a person may type for each', () => {
    expect(['cy', 'cy-GB', 'CY-gb', 'cy_GB'].map(languageOfLocale)).toEqual(['cy', 'cy', 'cy', 'cy']);
    expect(['en-GB', 'en-US', 'cym', undefined, ''].map(languageOfLocale)).toEqual(['en', 'en', 'en', 'en', 'en']);
    expect(['Cymraeg', 'welsh', 'cy', 'English', 'saesneg', 'en', 'français'].map(languageNamed)).toEqual(['cy', 'cy', 'cy', 'en', 'en', 'en', undefined]);
  });
});

/** The source files that say things through the catalogues. */
function translatedSources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && /translatorFor|tabTranslator|wordsIn|\bWords\b|TabTranslate/.test(readFileSync(path, 'utf8'))) files.push(path);
    }
  };
  for (const root of ['bot', 'src', 'tab/src']) walk(join(__dirname, '..', '..', root));
  return files;
}

describe('no message is built by concatenation', () => {
  test('where text comes from the catalogues, no translated text is joined to another string with + or inside a template', () => {
    const sources = translatedSources();
    expect(sources.length).toBeGreaterThan(0);
    for (const path of sources) {
      const code = readFileSync(path, 'utf8');
      // t('…') + '…', '…' + t('…'), `…${t('…')}…`, and the same through translatorFor(…)(…).
      const joined = code.match(/(?:\bt|translatorFor\([^)]*\))\([^()]*\)\s*\+|\+\s*(?:\bt|translatorFor\([^)]*\))\(|\$\{\s*(?:\bt|translatorFor\([^)]*\))\(/g) ?? [];
      expect({ path, joined }).toEqual({ path, joined: [] });
    }
  });
});

describe('the Welsh glossary', () => {
  test('each term has a source with its address, or says why it has none; the field’s core terms come from the Welsh Wales Safeguarding Procedures', () => {
    const glossary = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'i18n', 'glossary.cy.json'), 'utf8')) as { terms: { en: string; cy: string; source: { document: string; url: string } | null; note?: string }[] };
    for (const term of glossary.terms) expect(term.source ? /^https:\/\//.test(term.source.url) && term.source.document.length > 0 : (term.note ?? '').length > 0).toBe(true);
    const fromWsp = glossary.terms.filter((term) => term.source?.url.startsWith('https://safeguarding.wales/cy/')).map((term) => term.en);
    expect(fromWsp).toEqual(expect.arrayContaining(['core group', 'child protection plan', 'initial child protection conference (ICPC)', 'review conference']));
  });

  test('the catalogue uses the glossary’s Welsh for the terms it names', () => {
    const welsh = JSON.stringify(CATALOGUES.cy);
    for (const term of ['grŵp craidd', 'cynllun amddiffyn plant', 'cynhadledd amddiffyn plant gychwynnol']) expect(welsh).toContain(term);
  });
});
