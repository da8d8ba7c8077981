import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { type AgencyReport, submitReport } from '../../src/domain/agency-report';
import { type CaseHistoryEvent, timelineFromHistory } from '../../src/domain/case-history';
import { parseCivilDate } from '../../src/domain/civil-date';
import type { CoreGroupMember, MemberRole } from '../../src/domain/core-group';
import { DomainError } from '../../src/domain/errors';
import { type FamilyVersion, reviewFamilyVersion } from '../../src/domain/family-version';
import { MAX_ATTACHMENT_BYTES, checkAttachment } from '../../src/domain/filed-document';
import { type InstitutionTask, recordLetterSent } from '../../src/domain/institution-task';
import { type AfterMeeting, type CoreGroupMeeting, checkChairRule, checkTookPlace, recordNotHeld } from '../../src/domain/meeting';
import { checkMinutesContent, decideContribution, emptyMinutesContent } from '../../src/domain/minutes';
import { checkNewActionOutcomes, checkNewActionOwners, checkSectionIds } from '../../src/domain/minutes-members';
import { parseHolidayDivision, parseNation } from '../../src/domain/nation';
import { revisePlan, transitionAction } from '../../src/domain/plan';
import { type PlanEdit, editPlan } from '../../src/domain/plan-edit';
import type { ChairRule } from '../../src/domain/policy';
import { type ReviewConference, bookReview, recordReviewHeld } from '../../src/domain/review-conference';
import { SlotFinder } from '../../src/domain/slot-finding';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { datesIn } from '../../src/i18n/dates';
import { CATALOGUES, translatorFor } from '../../src/i18n/translate';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { loadPolicyCatalogue } from '../../src/policies/policy-catalogue';
import type { Clock } from '../../src/services/ports/clock.port';
import { botEndpointForTests } from '../support/bot-endpoint';
import { aPlan } from '../support/fixtures';
import { localServiceForTests } from '../support/local-service';

const DOMAIN = join(__dirname, '..', '..', 'src', 'domain');
const en = translatorFor('en');
const cy = translatorFor('cy');

/** A refusal's words in each language, from its `said`, beside its English `userMessage`. */
function refusalOf(refused: () => unknown): { key: string; userMessage: string; english: string; welsh: string } {
  try {
    refused();
  } catch (error) {
    if (!(error instanceof DomainError) || !error.said) throw error;
    const { key, values = {} } = error.said;
    return { key, userMessage: error.userMessage, english: en(key, values), welsh: cy(key, values) };
  }
  throw new Error('nothing was refused');
}

/** Welsh with nothing left of the catalogue's machinery in it, and not the English. */
function expectWelsh(refusal: ReturnType<typeof refusalOf>): void {
  expect(refusal.welsh).not.toMatch(/\$t\(|\{\{|refusals\.|serviceRefusals\.|caseDeadline\.|labels\./);
  expect(refusal.welsh).not.toBe(refusal.english);
}

const d = (text: string) => parseCivilDate(text);
const calendar = loadWorkingDayCalendars()['england-and-wales'];
const profile = loadPolicyCatalogue().get('england');
const member = (id: string, role: MemberRole, active = true): CoreGroupMember => ({ id, displayName: id, role, agency: 'agency', reach: 'tenant', active });
const cyDate = (date: string) => datesIn('cy').date(date);

const complete = { worries: 'w', workingWell: 'w', needsToHappen: 'w', scaling: 5, scalingReasons: 'w', childsViews: 'w', actionProgress: [] };
const report: AgencyReport = { id: 'r', coreGroupId: 'cg', reviewConferenceId: 'rc', memberId: 'hv', agency: 'health visiting', version: 1, content: complete, updatedAt: '2026-06-01T09:00:00.000Z' };
/** A report's last `count` parts left blank (the scaling not given). */
const lacking = (count: number) => Object.fromEntries(Object.keys(complete).filter((part) => part !== 'actionProgress').slice(-count).map((part) => [part, part === 'scaling' ? undefined : ' ']));
const familyVersion: FamilyVersion = { meetingId: 'm', minutesId: 'mi', minutesVersion: 1, planVersion: undefined, version: 1, summary: '', items: [] };
const task: InstitutionTask = { id: 't', coreGroupId: 'cg', person: 'father', kind: 'prison', institution: 'HMP Leeds', recordedByMemberId: 'lsw', recordedAt: '2026-06-01T09:00:00.000Z' };
const chairRule: ChairRule = { firstMeeting: ['lead-social-workers-manager'], laterMeetings: ['lead-social-worker', 'team-manager'], source: { citation: 'Seed 003', verified: true } };
const meeting: CoreGroupMeeting = { id: 'm', coreGroupId: 'cg', date: d('2026-06-12'), startsAt: '2026-06-12T09:00:00.000Z', status: 'scheduled' };
const beforeIt = { nowIso: '2026-06-11T09:00:00.000Z', today: d('2026-06-11') };
const plan = aPlan('cg', 'hv');
const planEdit: PlanEdit = {
  baseVersion: 1,
  reason: 'Core group 2',
  outcomes: plan.outcomes,
  actions: plan.actions.map((action) => ({ id: action.id, outcomeId: action.outcomeId, what: action.what, ownerMemberId: action.ownerMemberId, due: action.due, progressMeasure: action.progressMeasure, dropped: false })),
  contingencyPlan: plan.contingencyPlan,
  resources: plan.resources,
  monitoring: plan.monitoring,
};
const edited = (change: Partial<PlanEdit>, current = plan) => () => editPlan({ current, edit: { ...planEdit, ...change }, owners: new Map([['hv', { agency: 'health visiting' }]]), today: d('2026-06-15'), authorMemberId: 'lsw' });
const reviewBase = { id: 'r', coreGroupId: 'cg', icpcDate: d('2026-06-01'), today: d('2026-07-01'), calendar };
const heldReview: ReviewConference = { id: 'r0', coreGroupId: 'cg', date: d('2026-08-03'), status: 'held', outcome: 'end', chairName: 'A Chair' };
const recordHeld = (change: object) => () => recordReviewHeld({ ...reviewBase, heldOn: d('2026-06-30'), outcome: 'continue', chairName: 'A Chair', reviews: [], profile, ...change });
const history = (events: CaseHistoryEvent[], start?: 'transfer-in') => () => timelineFromHistory({ icpc: d('2026-06-01'), start, events }, d('2026-12-31'));
const note = { id: 'c1', kind: 'note' as const, text: 'x'.repeat(10_001), memberId: 'hv', at: '2026-06-12T10:00:00.000Z' };

/** Every refusal of the domain whose words carry values (dates, counts, codes), raised for real. */
const REFUSALS: [string, () => unknown][] = [
  ...[1, 2, 3, 4, 5, 6].map((count): [string, () => unknown] => [`a report lacking ${count} of its parts`, () => submitReport({ ...report, content: { ...complete, ...lacking(count) } }, { version: 1, at: '' })]),
  ['a date not written YYYY-MM-DD', () => parseCivilDate('3 June', 'due')],
  ['a date that is no real day', () => parseCivilDate('2026-02-30', 'due')],
  ['a family version item that does not exist', () => reviewFamilyVersion(familyVersion, { basedOnVersion: 1, summary: '', items: [{ id: 'decisions:9', removed: true }] })],
  ['an empty attachment', () => checkAttachment('report.pdf', new Uint8Array())],
  ['an empty attachment with no name', () => checkAttachment('  ', new Uint8Array())],
  ['an attachment too large', () => checkAttachment('report.pdf', new Uint8Array(MAX_ATTACHMENT_BYTES + 1))],
  ['an attachment neither PDF nor Word', () => checkAttachment('notes.txt', new TextEncoder().encode('plain text'))],
  ['a PDF named as a Word document', () => checkAttachment('letter.docx', new TextEncoder().encode('%PDF-1.7\n'))],
  ['a letter recorded as sent already', () => recordLetterSent({ ...task, letterSentOn: d('2026-06-02') }, { on: d('2026-06-03'), today: d('2026-06-10'), memberId: 'c' })],
  ['a letter sent on a day to come', () => recordLetterSent(task, { on: d('2026-06-11'), today: d('2026-06-10'), memberId: 'c' })],
  ['the first core group chaired by the wrong role', () => checkChairRule(member('hv', 'professional'), chairRule, 'first')],
  ['a later core group chaired by the wrong role', () => checkChairRule(member('hv', 'professional'), chairRule, 'later')],
  ...(['record-held', 'sign-minutes', 'circulate-minutes', 'circulate-plan', 'send-cp9'] as AfterMeeting[]).flatMap((what): [string, () => unknown][] => [
    [`${what} before the meeting`, () => checkTookPlace(meeting, beforeIt, what)],
    [`${what} before a meeting with no time booked`, () => checkTookPlace({ ...meeting, startsAt: undefined }, beforeIt, what)],
    [`${what} for a meeting not held`, () => checkTookPlace({ ...meeting, status: 'not-held' }, beforeIt, what)],
  ]),
  ['a meeting still to come recorded as not held', () => recordNotHeld(meeting, { now: beforeIt, reason: 'x' })],
  ['attendance of someone outside the group', () => checkSectionIds({ section: 'attendance', value: [{ memberId: 'elsewhere', attendance: 'present' }], group: { members: [], planActionIds: [] } })],
  ['a new action owned by a member who has left', () => checkSectionIds({ section: 'newActions', value: [{ what: 'Visit', ownerMemberId: 'left', agency: 'a', due: d('2026-07-01'), progressMeasure: '' }], group: { members: [member('left', 'professional', false)], planActionIds: [] } })],
  ['an update on another plan’s action', () => checkSectionIds({ section: 'actionUpdates', value: [{ actionId: 'elsewhere', agency: 'school', update: 'Done' }], group: { members: [], planActionIds: [] } })],
  ['a new action serving no outcome', () => checkNewActionOutcomes({ ...emptyMinutesContent([]), newActions: [{ what: 'Visit', ownerMemberId: 'hv', agency: 'a', due: d('2026-07-01'), progressMeasure: '' }] }, ['o1'])],
  ['a new action with no active owner', () => checkNewActionOwners({ ...emptyMinutesContent([]), newActions: [{ what: 'Visit', ownerMemberId: 'gone', agency: 'a', due: d('2026-07-01'), progressMeasure: '' }] }, [])],
  ['a scaling score of 11', () => checkMinutesContent({ ...emptyMinutesContent([]), signsOfSafety: { worries: '', workingWell: '', needsToHappen: '', scaling: [{ memberId: 'hv', score: 11 }] } })],
  ['a note that makes a section too long', () => decideContribution({ content: { ...emptyMinutesContent([]), contributions: [note] }, contributionId: 'c1', decision: { accept: true, into: 'worries' }, members: [], sectionLimit: 10_000 })],
  ['a dropped action taken up again', () => transitionAction({ ...plan.actions[0]!, state: 'dropped' }, 'in-progress')],
  ['an outcome removed with actions under it', edited({ outcomes: [] })],
  ['a dropped action brought back', edited({}, { ...plan, actions: [{ ...plan.actions[0]!, state: 'dropped' }] })],
  ['an action owned by someone outside the group', edited({ actions: [{ ...planEdit.actions[0]!, ownerMemberId: 'stranger' }] })],
  ['an action serving no outcome', edited({ actions: [{ ...planEdit.actions[0]!, outcomeId: undefined }] })],
  ['an action with no progress measure', edited({ actions: [{ ...planEdit.actions[0]!, progressMeasure: ' ' }] })],
  ['an action due in the past', edited({ actions: [{ ...planEdit.actions[0]!, due: d('2026-06-01') }] })],
  ['an action removed', edited({ actions: [] })],
  ['an unknown nation', () => parseNation('atlantis')],
  ['an unknown holiday division', () => parseHolidayDivision('atlantis')],
  ['a meeting of no length', () => new SlotFinder().propose({ attendees: [], durationMinutes: 0, earliestStartMs: 0, deadline: d('2026-06-01'), calendar })],
  ['holiday data with no years', () => new WorkingDayCalendar({ division: 'scotland', firstYear: 2027, lastYear: 2026, holidays: [] })],
  ['bank holidays of a year without data', () => calendar.bankHolidaysIn(1900)],
  ['half a working day', () => calendar.addWorkingDays(d('2026-06-01'), 1.5)],
  ['a day beyond the holiday data', () => calendar.isWorkingDay(d('2199-01-01'))],
  ['a review conference booked for a day passed', () => bookReview({ ...reviewBase, date: d('2026-06-30'), reviews: [] })],
  ['a review conference booked on a bank holiday', () => bookReview({ ...reviewBase, date: d('2026-08-31'), reviews: [] })],
  ['a review conference booked before the last one', () => bookReview({ ...reviewBase, today: d('2026-07-01'), date: d('2026-07-02'), reviews: [{ ...heldReview, date: d('2026-07-03') }] })],
  ['a review conference booked before the ICPC', () => bookReview({ ...reviewBase, today: d('2026-05-01'), date: d('2026-05-29'), reviews: [] })],
  ['a review conference booked before the transfer-in conference', () => bookReview({ ...reviewBase, start: 'transfer-in', today: d('2026-05-01'), date: d('2026-05-29'), reviews: [] })],
  ['a review conference recorded twice', recordHeld({ reviews: [{ ...heldReview, date: d('2026-06-30'), outcome: 'continue' }], outcome: 'end' })],
  ['a review conference held on a day to come', recordHeld({ heldOn: d('2026-07-02') })],
  ['a review conference held before the ICPC', recordHeld({ heldOn: d('2026-05-29') })],
  ['a review conference held after the plan ended', recordHeld({ reviews: [{ ...heldReview, date: d('2026-06-15') }] })],
  ['a next review too late', recordHeld({ nextReviewOn: d('2027-01-04') })],
  ['a case history event before the ICPC', history([{ kind: 'core-group-held', on: d('2026-05-01') }])],
  ['a case history event before the transfer-in conference', history([{ kind: 'core-group-held', on: d('2026-05-01') }], 'transfer-in')],
  ['a meeting held then cancelled', history([{ kind: 'core-group-held', on: d('2026-06-10') }, { kind: 'core-group-cancelled', on: d('2026-06-10') }])],
  ['a meeting cancelled then held', history([{ kind: 'core-group-cancelled', on: d('2026-06-10') }, { kind: 'core-group-held', on: d('2026-06-10') }])],
  ['a review conference held twice', history([{ kind: 'review-conference-held', on: d('2026-08-10'), outcome: 'continue' }, { kind: 'review-conference-held', on: d('2026-08-10'), outcome: 'end' }])],
  ['an event after the plan ended', history([{ kind: 'plan-ended', on: d('2026-06-20') }, { kind: 'core-group-held', on: d('2026-06-25') }])],
  ['minutes of a meeting not held', history([{ kind: 'minutes-circulated', meeting: d('2026-06-10'), on: d('2026-06-11') }])],
  ['minutes circulated before their meeting', history([{ kind: 'core-group-held', on: d('2026-06-10') }, { kind: 'minutes-circulated', meeting: d('2026-06-10'), on: d('2026-06-09') }])],
  ['a report with no review conference', history([{ kind: 'agency-report-submitted', agency: 'school', on: d('2026-06-10') }])],
];

describe('the domain’s refusals in the catalogues (refusals.*)', () => {
  const sources = readdirSync(DOMAIN)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(DOMAIN, name), 'utf8'));
  /** Refusals with fixed words: `new XError('…', { said: said('key') })`. */
  const fixed = sources.flatMap((code) => [...code.matchAll(/new \w+Error\('((?:[^'\\]|\\.)*)', \{ said: said\('([\w.-]+)'\)/g)].map((match) => ({ english: match[1]!.replace(/\\'/g, "'"), key: match[2]! })));
  const raised = REFUSALS.map(([name, refused]) => ({ name, ...refusalOf(refused) }));

  test('a refusal with fixed words says in the English catalogue exactly its userMessage, and something else in Welsh', () => {
    expect(fixed.length).toBeGreaterThan(50);
    expect(fixed.filter(({ english, key }) => en(key) !== english)).toEqual([]);
    expect(fixed.filter(({ english, key }) => cy(key) === english || /\$t\(|\{\{/.test(cy(key)))).toEqual([]);
  });

  test.each(REFUSALS.map(([name]) => [name]))('%s: the English catalogue says its userMessage; the Welsh is Welsh', (name) => {
    const refusal = raised.find((candidate) => candidate.name === name)!;
    expect(refusal.english).toBe(refusal.userMessage);
    expectWelsh(refusal);
  });

  test('every entry of the domain’s areas is said by some refusal (the words nested in them aside)', () => {
    const areas = ['report', 'familyVersion', 'institutions', 'minutes', 'plan', 'nations', 'slots', 'holidays', 'dates', 'reviews', 'meeting', 'filing', 'caseHistory'];
    const nested = /^refusals\.(report\.gap|meeting\.(chairedBy|orChairedBy|startsOn)|filing\.(file|kind))\./;
    const leaves = (tree: object, prefix: string): string[] => Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}.${key}`] : leaves(value as object, `${prefix}.${key}`)));
    const refusals = (CATALOGUES.en as { refusals: Record<string, object> }).refusals;
    const entries = areas.flatMap((area) => leaves(refusals[area]!, `refusals.${area}`)).map((key) => key.replace(/_(one|other)$/, ''));
    const said = new Set([...fixed.map(({ key }) => key), ...raised.map(({ key }) => key)]);
    expect([...new Set(entries)].filter((key) => !nested.test(key) && !said.has(key))).toEqual([]);
  });

  test('Welsh grammar the nested words must keep: mutations after “gan” and “neu”, the reader’s dates and numbers, state labels', () => {
    const said = (name: string) => raised.find((candidate) => candidate.name === name)!.welsh;
    expect(said('the first core group chaired by the wrong role')).toBe("Caiff y grŵp craidd cyntaf ei gadeirio gan reolwr y gweithiwr cymdeithasol arweiniol (Seed 003); dewiswch y person hwnnw'n gadeirydd.");
    expect(said('a later core group chaired by the wrong role')).toBe("Caiff y grŵp craidd hwn ei gadeirio gan y gweithiwr cymdeithasol arweiniol neu'r rheolwr tîm (Seed 003); dewiswch un ohonynt yn gadeirydd.");
    expect(said('a report lacking 3 of its parts')).toBe('Cyn cyflwyno, ychwanegwch y canlynol: eich graddio (0–10), y rhesymau dros eich graddio, barn a phrofiad bywyd y plentyn.');
    expect(said('sign-minutes before the meeting')).toBe(`Mae'r cyfarfod yn dechrau ar ${datesIn('cy').dateTime('2026-06-12T09:00:00.000Z')}; gellir llofnodi ei gofnodion unwaith y bydd wedi'i gynnal.`);
    expect(said('sign-minutes before a meeting with no time booked')).toBe(`Mae'r cyfarfod yn dechrau ar ${cyDate('2026-06-12')}; gellir llofnodi ei gofnodion unwaith y bydd wedi'i gynnal.`);
    expect(said('circulate-plan for a meeting not held')).toBe("Ni chynhaliwyd y cyfarfod hwn, felly ni ellir dosbarthu'r cynllun.");
    expect(said('an empty attachment with no name')).toBe('Mae atodiad heb enw yn wag.');
    expect(said('a PDF named as a Word document')).toBe("Mae “letter.docx” wedi'i enwi fel .docx ond mae'n PDF: ni ellir ei ffeilio o dan yr enw hwnnw.");
    expect(said('a dropped action taken up again')).toBe("ni all cam gweithredu newid o ‘Wedi'i ollwng’ i ‘Ar y gweill’");
    expect(said('a next review too late')).toBe(`Rhaid i'r adolygiad nesaf fod o fewn 6 mis i'r un hwn: erbyn ${cyDate('2026-12-30')}.`);
    expect(said('a note that makes a section too long')).toContain("na'i therfyn o 10,000 nod");
    expect(said('a review conference booked before the transfer-in conference')).toBe(`Daw cynhadledd adolygu ar ôl y gynhadledd trosglwyddo i mewn (${cyDate('2026-06-01')}).`);
  });

  test('the English of the corrected refusal about a meeting that did not take place says what cannot be done', () => {
    expect(raised.find((candidate) => candidate.name === 'sign-minutes for a meeting not held')!.userMessage).toBe('This meeting did not take place, so its minutes cannot be signed.');
    expect(raised.find((candidate) => candidate.name === 'record-held before the meeting')!.userMessage).toBe('The meeting starts on Fri 12 Jun 2026, 10:00; it can be recorded as held once it has taken place.');
  });
});

/** The tab API in local mode (the real composition), asked in Welsh and in English. */
describe('a domain refusal through the tab API, in the language the request asks for', () => {
  const local = localServiceForTests('coregroup-domain-refusals-');

  const post = async (language: string, path: string, body: object) => {
    const signedIn = await fetch(`${local.service().url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ aadObjectId: demoObjectId('lead') }) });
    const { token } = (await signedIn.json()) as { token: string };
    const [coreGroup] = (await local.store().coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).filter((group) => group.caseReference === DEMO_CASE_REFERENCE);
    const response = await fetch(`${local.service().url}/api/core-groups/${coreGroup!.id}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
  };

  test('a review conference booked for a day passed: in Welsh with the day in Welsh; in English as before', async () => {
    const welsh = await post('cy-GB,cy;q=0.9', '/review-conferences', { date: '2020-01-06' });
    expect(welsh.status).toBe(422);
    expect(welsh.body.error).toEqual({ code: 'rule-violation', message: `Mae ${cyDate('2020-01-06')} wedi mynd heibio: os cynhaliwyd cynhadledd adolygu, cofnodwch hi fel un a gynhaliwyd yn lle hynny.` });
    const english = await post('en-GB', '/review-conferences', { date: '2020-01-06' });
    expect(english.body.error.message).toBe('Mon 6 Jan 2020 has passed: record a review conference that took place as held instead.');
  });

  test('a next review set too late: the period and the day in Welsh', async () => {
    const today = Temporal.Now.plainDateISO('Europe/London').toString();
    const nextReviewOn = Temporal.PlainDate.from(today).add({ years: 2 }).toString();
    const welsh = await post('cy', '/review-conferences/held', { heldOn: today, outcome: 'continue', chairName: 'A Chair', nextReviewOn });
    expect(welsh.status).toBe(422);
    expect(welsh.body.error.message).toMatch(/^Rhaid i'r adolygiad nesaf fod o fewn \d+ (mis|wythnos|diwrnod gwaith|diwrnod) i'r un hwn: erbyn .+ \d{4}\.$/);
    const english = await post('en', '/review-conferences/held', { heldOn: today, outcome: 'continue', chairName: 'A Chair', nextReviewOn });
    expect(english.body.error.message).toMatch(/^The next review must be within \d+ \w+ of this one: by \w{3} \d+ \w{3} \d{4}\.$/);
  });
});

/** The bot's answers, through the real endpoint, to someone whose Teams speaks Welsh. */
describe('a domain refusal through the bot, in the person’s language', () => {
  const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
  const bot = botEndpointForTests(clock);

  beforeAll(async () => {
    const store = bot.store();
    const coreGroupId = bot.coreGroupId();
    // The health visitor's action is dropped from the plan: a check-in cannot take it up again.
    const current = (await store.plans.current(coreGroupId))!;
    const dropped = current.actions.map((action) => (action.id === 'action-visits' ? { ...action, state: 'dropped' as const } : action));
    await store.plans.saveRevision(revisePlan({ current, next: { ...current, actions: dropped }, authorMemberId: current.actions[0]!.ownerMemberId, reason: 'No longer needed' }), clock.nowIso());
  });

  const checkIn = (locale: string) =>
    bot.press('health', { verb: 'check-in', data: { coreGroupId: bot.coreGroupId(), actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-0000000000d1', 'note-action-visits': '' } }, { locale });

  test('a check-in on a dropped action is refused on the card in Welsh, the states in Welsh words', async () => {
    const card = await checkIn('cy-GB');
    expect(card).toContain("ni all cam gweithredu newid o ‘Wedi'i ollwng’ i ‘Ar y gweill’");
    expect(card).not.toContain('cannot become');
    expect(await checkIn('en-GB')).toContain('an action that is dropped cannot become in-progress');
  });
});
