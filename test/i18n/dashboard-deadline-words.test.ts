import { type DashboardCoreGroup, type DashboardResponse, dashboardResponseSchema } from '../../src/contracts/dashboard.contract';
import { parseCivilDate } from '../../src/domain/civil-date';
import { holidayDivisionOf } from '../../src/domain/nation';
import { computeObligations } from '../../src/domain/obligations';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { everyRuleTimeline } from '../support/fixtures';

// The tab's own modules, required by path: tab/ is type-checked by tab/tsconfig.json (its `@contracts`
// alias and bundler resolution), which the root program that checks test/ cannot follow.
type TabTranslate = (key: string, options?: object) => string;
type AttentionItem = { caseReference: string; text: string; status: string };
const { tabTranslator } = jest.requireActual<{ tabTranslator: (language: 'en' | 'cy') => TabTranslate }>('../../tab/src/i18n/i18n');
const { needsAttention, signalText } = jest.requireActual<{
  needsAttention: (dashboard: DashboardResponse, today: string, t: TabTranslate) => AttentionItem[];
  signalText: (signal: DashboardCoreGroup['signals'][number], group: DashboardCoreGroup, actions: DashboardResponse['myActions'], t: TabTranslate) => string;
}>('../../tab/src/dashboard/dashboard-data');
const { deadlineIn } = jest.requireActual<{ deadlineIn: (t: TabTranslate, deadline: Pick<DashboardCoreGroup['obligations'][number], 'kind' | 'wording'>) => string }>('../../tab/src/dashboard/dashboard-words');

const profile = loadPolicyCatalogue().get('ten-working-days-four-weekly');
const calendar = loadWorkingDayCalendars()[holidayDivisionOf(profile.nation)];
const TODAY = '2026-12-01';

/**
 * The deadlines the engine judges missed on a case whose health visitor and school both owe a report
 * before the same review conference (the second one, on 18 November), and a core group missed too,
 * as the server sends them: each with its rule as data.
 */
const missed = computeObligations({ profile, calendar, timeline: everyRuleTimeline('icpc'), asOf: parseCivilDate(TODAY) })
  .filter((obligation) => obligation.status === 'overdue')
  .filter((obligation) => obligation.kind === 'core-group' || (obligation.kind === 'agency-report' && obligation.id.includes('r2')))
  .map((obligation) => ({ id: obligation.id, kind: obligation.kind, wording: obligation.wording, due: obligation.due.toString(), status: obligation.status, daysLate: obligation.daysLate }));

/** One group's dashboard with those deadlines; `overseen`: as its lead social worker sees it (attention), else as a professional. */
function dashboardWith(overseen: boolean): DashboardResponse {
  const group = {
    id: '5b7c1c1e-2f1a-4c59-9f0e-6f1d2a3b4c5d',
    caseReference: 'CP-0001',
    role: overseen ? 'lead-social-worker' : 'professional',
    canExportPlan: overseen,
    canEditPlan: overseen,
    canSchedule: overseen,
    canRecordReview: overseen,
    canTransfer: overseen,
    canRecordPersonInInstitution: overseen,
    canSayPlanNotReceived: !overseen,
    obligations: missed,
    signals: missed.map((deadline) => ({ kind: 'deadline-missed', subjectId: deadline.id, measure: deadline.daysLate })),
    attention: overseen ? { concerns: [], blockedActions: [], failedNotices: [], notInTeams: [], missedDeadlines: missed.map(({ id, kind, wording, due, daysLate }) => ({ id, kind, wording, due, daysLate })) } : undefined,
  };
  return dashboardResponseSchema.parse({ coreGroups: [group], myActions: [], compliance: [], timeline: [] });
}

describe('the dashboard names each deadline, and an agency’s report by its agency', () => {
  test('the engine’s deadlines for the case: two agencies’ reports for one review conference, due the same day, and a core group', () => {
    const reports = missed.filter((deadline) => deadline.kind === 'agency-report');
    expect(reports.map((report) => report.wording)).toEqual([
      { rule: 'agency-report-before-review', agency: 'health visiting', workingDays: 5 },
      { rule: 'agency-report-before-review', agency: 'school', workingDays: 5 },
    ]);
    expect(new Set(reports.map((report) => report.due)).size).toBe(1);
    expect(missed.some((deadline) => deadline.kind === 'core-group')).toBe(true);
  });

  test.each([
    ['en', true, ['Report from health visiting: missed', 'Report from school: missed', 'Core group meeting: missed']],
    ['en', false, ['Report from health visiting', 'Report from school', 'Core group meeting']],
    ['cy', true, ["Adroddiad gan health visiting: wedi'i fethu", "Adroddiad gan school: wedi'i fethu", "Cyfarfod grŵp craidd: wedi'i fethu"]],
    ['cy', false, ['Adroddiad gan health visiting', 'Adroddiad gan school', 'Cyfarfod grŵp craidd']],
  ] as const)('needs attention (%s; overseeing the group: %s): each agency’s missed report is its own line, naming its agency; a core group keeps its name', (language, overseen, expected) => {
    const texts = needsAttention(dashboardWith(overseen), TODAY, tabTranslator(language)).map((item) => item.text);
    expect(texts).toHaveLength(missed.length);
    expect(texts).toEqual(expect.arrayContaining([...expected]));
  });

  test('the group’s deadlines and its missed-deadline signals name each agency’s report apart, in English and Welsh', () => {
    const dashboard = dashboardWith(true);
    const group = dashboard.coreGroups[0]!;
    const reports = group.obligations.filter((obligation) => obligation.kind === 'agency-report');
    for (const language of ['en', 'cy'] as const) {
      const t = tabTranslator(language);
      const named = reports.map((report) => deadlineIn(t, report));
      expect(new Set(named).size).toBe(reports.length);
      const signals = group.signals.filter((signal) => reports.some((report) => report.id === signal.subjectId)).map((signal) => signalText(signal, group, dashboard.myActions, t));
      expect(new Set(signals).size).toBe(reports.length);
    }
    expect(signalText(group.signals.find((signal) => signal.subjectId.includes('school'))!, group, dashboard.myActions, tabTranslator('en'))).toMatch(/^Report from school missed by \d+ days$/);
  });

  test('an agency named in a right-to-left script is isolated, so it cannot move the words around it', () => {
    expect(deadlineIn(tabTranslator('en'), { kind: 'agency-report', wording: { rule: 'agency-report-at-final-core-group', agency: 'خدمات الصحة' } })).toBe('Report from \u2068خدمات الصحة\u2069');
  });
});
