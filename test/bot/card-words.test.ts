import { chooseCaseCard } from '../../bot/cards/choose-case.card';
import { deadlineRule } from '../../src/services/deadline-words';
import { concernRaisedCard, escalateCard, noticeState } from '../../bot/cards/escalate.card';
import { membersCard } from '../../bot/cards/members.card';
import { minutesCard } from '../../bot/cards/minutes.card';
import { planCard } from '../../bot/cards/plan.card';
import { reviewCard } from '../../bot/cards/review.card';
import { statusCard } from '../../bot/cards/status.card';
import type { PlanAction } from '../../src/domain/plan';
import type { BookedSeries } from '../../src/services/scheduling.service';
import { problems } from '../support/adaptive-cards';
import { parseCivilDate } from '../../src/domain/civil-date';
import { CONCERN_KINDS, escalationRoute } from '../../src/domain/escalation';
import { INSTITUTION_KINDS } from '../../src/domain/institution-task';
import { MEMBER_POSITIONS, positionLabel } from '../../src/domain/member-position';
import { holidayDivisionOf } from '../../src/domain/nation';
import { computeObligations } from '../../src/domain/obligations';
import { type Period, describePeriod } from '../../src/domain/policy';
import { OUTCOME_WORDS } from '../../src/domain/review-conference';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { wordsIn } from '../../src/i18n/words';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import { stepToIn } from '../../src/services/notifications/escalation-words';
import { everyRuleTimeline } from '../support/fixtures';

const EN = wordsIn('en');
const CY = wordsIn('cy');
const catalogue = loadPolicyCatalogue();
const calendars = loadWorkingDayCalendars();
const d = (text: string) => parseCivilDate(text);


describe('what the translated cards say in English is what they said before', () => {
  test.each(catalogue.all.flatMap((profile) => (['icpc', 'transfer-in'] as const).map((start) => [profile.id, start] as const)))('every deadline of the %s profile (%s) reads as the engine wrote it, and has its Welsh', (id, start) => {
    const profile = catalogue.get(id);
    const obligations = computeObligations({ profile, calendar: calendars[holidayDivisionOf(profile.nation)], timeline: everyRuleTimeline(start), asOf: d('2026-12-01') });
    expect(obligations.length).toBeGreaterThanOrEqual(10);
    for (const obligation of obligations) {
      expect(obligation.wording).toBeDefined();
      expect(deadlineRule(EN, obligation)).toBe(obligation.rule);
      const welsh = deadlineRule(CY, obligation);
      expect(welsh).not.toBe(obligation.rule);
      expect(welsh).not.toMatch(/caseDeadline|\{\{/);
    }
  });

  test('the rules of every kind are covered, agency reports both ways', () => {
    const kinds = new Set(
      catalogue.all.flatMap((profile) => (['icpc', 'transfer-in'] as const).flatMap((start) => computeObligations({ profile, calendar: calendars[holidayDivisionOf(profile.nation)], timeline: everyRuleTimeline(start), asOf: d('2026-12-01') }).map((o) => o.wording!.rule))),
    );
    expect([...kinds].sort()).toEqual(
      [
        'first-core-group',
        'next-core-group',
        'meetings-before-first-review',
        'first-review-conference',
        'next-review-conference',
        'next-review-conference-set',
        'core-group-after-review',
        'minutes-circulation',
        'plan-circulation',
        'cp9',
        'agency-report-at-final-core-group',
        'agency-report-before-review',
      ].sort(),
    );
  });

  test('periods, in every unit and count', () => {
    for (const unit of ['working-days', 'calendar-days', 'weeks', 'months'] as const) {
      for (let count = 0; count <= 12; count++) {
        const period: Period = { count, unit };
        expect(EN.t(`caseDeadline.period.${unit}`, { count })).toBe(describePeriod(period));
        expect(CY.t(`caseDeadline.period.${unit}`, { count })).toMatch(new RegExp(`^${count} `));
      }
    }
  });

  test('who each step of each route goes to (the escalation procedure’s words in the catalogue)', () => {
    for (const kind of CONCERN_KINDS) {
      const steps = escalationRoute(kind).steps.length;
      for (let step = 0; step < steps; step++) {
        expect(stepToIn(EN, kind, step)).toMatch(/^the /);
        expect(stepToIn(CY, kind, step)).not.toBe(stepToIn(EN, kind, step));
      }
    }
  });

  test('an institution letter’s task, for each kind of institution', () => {
    const where = { prison: 'prison', hospital: 'hospital', other: 'institution' } as const;
    for (const kind of INSTITUTION_KINDS) {
      const task = { person: 'maternal uncle', kind, institution: 'HMP Cardiff' };
      expect(EN.t(`institutionTaskCard.task.${kind}`, task)).toBe(`Write to the head of HMP Cardiff (${where[kind]}) about the child's maternal uncle: the relevant details, and who to contact if they abscond or are about to be discharged (seed 001).`);
      expect(CY.t(`institutionTaskCard.task.${kind}`, task)).toMatch(/^Ysgrifennwch at bennaeth HMP Cardiff \(\S+\) am berthynas y plentyn \(maternal uncle\)/);
    }
  });

  test('concerns, positions, review outcomes, notices and meeting times', () => {
    expect(EN.t('labels.concern.drift-and-delay')).toBe('The plan is drifting or delayed');
    for (const kind of CONCERN_KINDS) expect(CY.t(`labels.concern.${kind}`)).not.toBe(EN.t(`labels.concern.${kind}`));
    for (const position of MEMBER_POSITIONS) expect(EN.t(`members.position.${position}`)).toBe(positionLabel(position));
    for (const [outcome, words] of Object.entries(OUTCOME_WORDS)) expect(EN.t(`review.outcome.${outcome}`)).toBe(words);
    const deliveries = [
      [undefined, 'queued'],
      [{ channel: 'teams', outcome: 'sent' }, 'sent by Teams'],
      [{ channel: 'email', outcome: 'sent' }, 'sent by e-mail'],
      [{ channel: 'email', outcome: 'failed', detail: 'no Teams chat and no e-mail address' }, 'failed: no Teams chat and no e-mail address'],
      [{ channel: 'teams', outcome: 'failed' }, 'failed: no reason given'],
      [{ channel: 'teams', outcome: 'retrying', detail: 'attempt 2: DeliveryError:delivery-failed' }, 'queued: Teams did not take it (attempt 2: DeliveryError:delivery-failed), trying again'],
      [{ channel: 'email', outcome: 'retrying' }, 'queued: e-mail did not take it (no reason given), trying again'],
    ] as const;
    for (const [delivery, words] of deliveries) expect(noticeState(EN, delivery)).toBe(words);
    const start = Date.UTC(2026, 2, 30, 8);
    const end = Date.UTC(2026, 2, 30, 9, 30);
    expect(EN.dates.timeSpan(start, end)).toBe('Mon 30 Mar 2026, 09:00–10:30');
    expect(CY.dates.timeSpan(start, end)).toMatch(/^Llun\W+30 Maw 2026, 09:00–10:30$/);
  });
});

describe('the cards in Welsh', () => {
  const obligations = computeObligations({ profile: catalogue.get('wales'), calendar: calendars['england-and-wales'], timeline: everyRuleTimeline('icpc'), asOf: d('2026-12-01') });
  const overdue = obligations.find((obligation) => obligation.status === 'overdue')!;
  const action: PlanAction = { id: 'a1', what: 'Visit weekly', ownerMemberId: 'm1', agency: 'health visiting', due: d('2026-06-24'), agreedOn: d('2026-05-27'), progressMeasure: 'Checklist', state: 'in-progress', outcomeId: 'o1' };
  const series: BookedSeries = { meetingId: 'x', next: { startMs: Date.UTC(2026, 5, 9, 13), endMs: Date.UTC(2026, 5, 9, 14, 30) }, nextIsRecorded: true, joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', chatId: '19:meeting_x@thread.v2', replies: [{ memberId: 'm1', name: 'Grace', reply: 'declined' }] };
  const status = (index: number) => ({ coreGroup: { id: `c${index}`, caseReference: `CP-${index}`, policyId: 'wales' }, role: 'team-manager' as const, obligations, signals: [{ kind: 'deadline-missed' as const, subjectId: overdue.id, concern: 'drift-and-delay' as const, notify: [], measure: 3 }], actions: [action] });
  const concern = { id: 'k', coreGroupId: 'c', kind: 'tasks-not-done' as const, raisedByMemberId: 'm', step: 1, status: 'open' as const, raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-17T09:00:00.000Z' };
  const cards: [string, object, readonly string[]][] = [
    ['status of one case', statusCard(CY, [{ ...status(1), transferredIn: { from: 'Leeds', on: d('2026-03-25') }, booked: series }], 'app'), ['Wedi\'i drosglwyddo i mewn o Leeds', 'Yn hwyr (', 'Y cyfarfod nesaf: **Maw', '14:00–15:30', 'wedi gwrthod', 'Ymuno â\'r cyfarfod Teams', '1 arwydd: terfyn amser wedi\'i fethu.']],
    ['status of a caseload', statusCard(CY, Array.from({ length: 25 }, (_, index) => status(index)), 'app'), ['Eich 25 grŵp craidd, y rhai mwyaf brys yn gyntaf', 'yn hwyr · nesaf: ', 'A 5 arall (pob un â therfyn amser yn hwyr neu mewn perygl)', 'Teipiwch /coregroup status a chyfeirnod achos']],
    ['plan', planCard(CY, { caseReference: 'CP-1', names: new Map(), actions: [action, { ...action, id: 'a2', outcomeId: undefined, lastCheckIn: { actionId: 'a2', memberId: 'm1', status: 'at-risk', note: '', recordedAt: '2026-06-03T09:00:00.000Z' } }], plan: { coreGroupId: 'c', version: 2, outcomes: [{ id: 'o1', text: 'Safe home' }], actions: [], contingencyPlan: 'x', resources: 'y', monitoring: 'z' } }), ['Camau gweithredu eraill', 'anhysbys', 'ar y gweill', 'mewn perygl (Mer, 3 Meh 2026)']],
    ['no plan', planCard(CY, { caseReference: 'CP-1', names: new Map(), actions: [], plan: undefined }), ['Nid oes cynllun wedi\'i gofnodi eto.']],
    ['review', reviewCard(CY, { coreGroup: { id: 'c', caseReference: 'CP-1' }, canRecord: false, reviews: [{ id: 'r', coreGroupId: 'c', date: d('2026-06-24'), status: 'held', outcome: 'category-changed', nextReviewOn: d('2026-11-20') }, { id: 'r2', coreGroupId: 'c', date: d('2026-11-18'), status: 'scheduled' }], nextDue: overdue }), ['Cynhaliwyd', 'newidiodd y categori', 'heb ei gofnodi', 'Wedi\'i threfnu ar gyfer Mer, 18 Tach 2026.']],
    ['review after the plan ended', reviewCard(CY, { coreGroup: { id: 'c', caseReference: 'CP-1' }, canRecord: false, reviews: [], planEndedOn: d('2026-06-24') }), ['Daeth y cynllun i ben ar Mer, 24 Meh 2026']],
    [
      'minutes',
      minutesCard(CY, { caseReference: 'CP-1', teamsAppId: 'app', booked: series, last: { date: d('2026-06-09'), drafted: true, chairSigned: true, managerSigned: false, sent: { thisVersion: 0, earlier: { version: 5, members: 2 } }, amended: true, circulation: { due: d('2026-06-16'), status: 'overdue', daysLate: 2 } } }),
      ['wedi\'u drafftio', 'cadeirydd ✔ · rheolwr tîm —', 'aeth fersiwn 5 at 2 aelod', 'yn hwyr o 2 diwrnod; mae\'r fersiwn diwygiedig i\'w ddosbarthu o hyd', 'Agor y cofnodion'],
    ],
    ['members', membersCard(CY, { coreGroupId: 'c', caseReference: 'CP-1', notice: 'x', members: [{ id: 'm', displayName: 'Grace', role: 'professional', position: 'health-visitor', agency: 'health visiting', reach: 'tenant', active: false }] }), ['Nid ydynt yn aelodau mwyach: Grace']],
    [
      'escalate, with a concern raised',
      escalateCard(CY, { coreGroupId: 'c', caseReference: 'CP-1', requestId: 'r', raised: [{ concern, lastTransition: { id: 't', concernId: 'k', step: 1, kind: 'climbed', at: '2026-06-17T09:00:00.000Z' }, notices: [{ displayName: 'Tom', delivery: { kind: 'concern', subjectId: 'k', memberId: 'p', channel: 'teams', outcome: 'retrying', detail: 'busy', at: '2026-06-03T09:31:00.000Z' } }] }] }),
      ['Cam 2 o 3: rheolwyr yr asiantaethau', 'diwethaf: symudodd ymlaen yn awtomatig', 'ar Mer, 17 Meh 2026', 'Tom: yn y ciw: ni dderbyniodd Teams ef (busy)'],
    ],
    ['concern raised, nobody to tell', concernRaisedCard(CY, { caseReference: 'CP-1', kind: 'increased-risk', queuedFor: [] }), ['cysylltwch â\'r rheolwr tîm yn uniongyrchol']],
    ['choose a case', chooseCaseCard(CY, { command: 'plan', title: 'Pa achos?', cases: [{ id: '5b1d0c8e-0000-4000-8000-000000000001', caseReference: 'CP-1', nextDeadline: overdue }, { id: '5b1d0c8e-0000-4000-8000-000000000002', caseReference: 'CP-2' }] }), ['Achos CP-1', `Nesaf: ${deadlineRule(CY, overdue)} — ${overdue.due.toString()} (yn hwyr)`]],
  ];

  test.each(cards)('%s: a valid card, in Welsh, with no key left untranslated', (_name, card, welsh) => {
    expect(problems(card)).toEqual([]);
    const text = JSON.stringify(card);
    for (const words of welsh) expect(text).toContain(words);
    expect(text).not.toMatch(/\b(?:caseCard|caseDeadline|status|plan|review|minutesCard|members|escalate|bookedSeries|labels|tasks)\.[a-zA-Z-]+/);
    expect(text).not.toMatch(/\b(?:Case|case|Next|Step|Due|Met|Overdue|Owner|None|within|working days) /);
  });

  test('why a notice did not go, worded from its reason’s facts: English as the reasons always read, Welsh from the catalogue, a reason in no known form as it was stored; a person who has left, named a former member', () => {
    const failed = (detail: string) => ({ channel: 'email', outcome: 'failed', detail }) as const;
    const reasons = [
      ['no mailbox to send from', 'dim blwch post i anfon ohono'],
      ['no Teams chat and no e-mail address', 'dim sgwrs Teams a dim cyfeiriad e-bost'],
      ['the mail service refused it', 'gwrthodwyd gan y gwasanaeth e-bost'],
      ['not sent after 8 attempts (MailError:mail-failed)', 'heb ei anfon ar ôl 8 ymgais (MailError:mail-failed)'],
      ['not sent after 8 attempts (no error recorded)', 'heb ei anfon ar ôl 8 ymgais (dim gwall wedi\'i gofnodi)'],
      ['a reason kept in some older form', 'a reason kept in some older form'],
    ] as const;
    for (const [english, welsh] of reasons) {
      expect(noticeState(EN, failed(english))).toBe(`failed: ${english}`);
      expect(noticeState(CY, failed(english))).toBe(`wedi methu: ${welsh}`);
    }
    expect(noticeState(CY, { channel: 'teams', outcome: 'retrying', detail: 'attempt 2: DeliveryError:delivery-failed' })).toBe('yn y ciw: ni dderbyniodd Teams ef (ymgais 2: DeliveryError:delivery-failed), yn rhoi cynnig arall arni');

    const raised = [
      {
        concern: { id: 'k', coreGroupId: 'c', kind: 'drift-and-delay', raisedByMemberId: 'm', step: 0, status: 'open', raisedAt: '2026-06-03T09:30:00.000Z', stepStartedAt: '2026-06-03T09:30:00.000Z' },
        notices: [{ displayName: undefined, delivery: { kind: 'concern', subjectId: 'k', memberId: 'gone', channel: 'email', outcome: 'failed', detail: 'the mail service refused it', at: '2026-06-03T09:31:00.000Z' } }],
      },
    ] as const;
    const card = (words: typeof EN) => JSON.stringify(escalateCard(words, { coreGroupId: 'c', caseReference: 'CP-1', requestId: 'r', raised }));
    expect(card(EN)).toContain('a former member: failed: the mail service refused it');
    expect(card(CY)).toContain('cyn-aelod: wedi methu: gwrthodwyd gan y gwasanaeth e-bost');
    expect(card(CY)).not.toMatch(/former member|mail service/);
    expect(problems(escalateCard(CY, { coreGroupId: 'c', caseReference: 'CP-1', requestId: 'r', raised }))).toEqual([]);
  });
});
