import { deadlineRule } from '../../src/services/deadline-words';
import { parseCivilDate } from '../../src/domain/civil-date';
import { holidayDivisionOf } from '../../src/domain/nation';
import { type RuleWording, computeObligations } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { wordsIn } from '../../src/i18n/words';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { everyRuleTimeline } from '../support/fixtures';

// The tab's own modules, required by path: tab/ is type-checked by tab/tsconfig.json (its `@contracts`
// alias and bundler resolution), which the root program that checks test/ cannot follow.
type TabTranslate = (key: string, options?: object) => string;
const { tabTranslator } = jest.requireActual<{ tabTranslator: (language: 'en' | 'cy') => TabTranslate }>('../../tab/src/i18n/i18n');
const { deadlineRuleIn } = jest.requireActual<{ deadlineRuleIn: (t: TabTranslate, wording: RuleWording) => string }>('../../tab/src/outlook/deadline-words');

const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const d = (text: string) => parseCivilDate(text);


describe("the Outlook add-in words each deadline's rule from its data", () => {
  test.each(catalogue.all.flatMap((profile) => (['icpc', 'transfer-in'] as const).map((start) => [profile.id, start] as const)))('the %s profile (%s): in English as the engine wrote it, in Welsh as the bot says it', (id, start) => {
    const profile = catalogue.get(id);
    const obligations = computeObligations({ profile, calendar: calendars[holidayDivisionOf(profile.nation)], timeline: everyRuleTimeline(start), asOf: d('2026-12-01') });
    expect(obligations.length).toBeGreaterThanOrEqual(10);
    for (const obligation of obligations) {
      expect(deadlineRuleIn(tabTranslator('en'), obligation.wording!)).toBe(obligation.rule);
      expect(deadlineRuleIn(tabTranslator('cy'), obligation.wording!)).toBe(deadlineRule(wordsIn('cy'), obligation));
    }
  });

  test('two agencies’ reports read apart in Welsh, each named', () => {
    const cy = tabTranslator('cy');
    const health = deadlineRuleIn(cy, { rule: 'agency-report-before-review', agency: 'health visiting', workingDays: 5 });
    expect(health).toBe('Adroddiad ysgrifenedig gan health visiting 5 diwrnod gwaith cyn y gynhadledd adolygu');
    expect(deadlineRuleIn(cy, { rule: 'agency-report-before-review', agency: 'school', workingDays: 5 })).not.toBe(health);
  });
});
