import { Temporal } from 'temporal-polyfill';
import { checkInFormPage, checkInThanksPage } from '../../../src/server/family-check-in.page';
import type { LinkedAction } from '../../../src/services/family-check-in/family-check-in-links.service';
import { randomUUID } from 'node:crypto';
import type { CoreGroupMember } from '../../../src/domain/core-group';
import { detectSignals } from '../../../src/domain/signals';
import { DEMO_TENANT_ID, demoObjectId } from '../../../src/local/demo/demo-core-group.seed';
import { loadPolicyCatalogue } from '../../../src/policies/policy-catalogue';
import { createCaseStatusService } from '../../../src/services/case-status.service';
import { createCheckInService } from '../../../src/services/check-in.service';
import { createCheckInPromptPlanner } from '../../../src/services/check-in-prompts.service';
import { CHECK_IN_PROMPT_JOB } from '../../../src/contracts/jobs.contract';
import { createFamilyCheckInLinks } from '../../../src/services/family-check-in/family-check-in-links.service';
import { createCheckInNotices } from '../../../src/services/notifications/check-in-notices.service';
import { createFamilyCheckInMail } from '../../../src/services/notifications/family-check-in-mail';
import type { Clock } from '../../../src/services/ports/clock.port';
import type { Mailer } from '../../../src/services/ports/mailer.port';
import type { Store } from '../../../src/store/store';
import { type TestDatabase, demoDatabase } from '../../support/databases';
import { calendarWithNoSeries } from '../../support/graph';
import { giveFamilyAction } from '../../support/fixtures';
import { recordingNotifier } from '../notifications/recording-notifier';

const START = '2026-06-03T08:00:00.000Z';
const LINK_DAYS = 7;
const BASE_URL = 'https://coregroup.example.gov.uk';
const PARENT_ACTION = 'action-parent-dentist';
/** The action names the child, as plans do: it must never reach the e-mail. */
const PARENT_ACTION_TEXT = 'Take Riley to the dentist and tell the health visitor how it went';

/** A clock the tests move on, to let links expire. */
function movableClock() {
  let now = Temporal.Instant.from(START);
  const clock: Clock = { nowIso: () => now.toString(), today: () => now.toZonedDateTimeISO('Europe/London').toPlainDate() };
  return { clock, advance: (hours: number) => (now = now.add({ hours })) };
}

function recordingMailer() {
  const mails: Parameters<Mailer['sendMail']>[0][] = [];
  const mailer: Mailer = {
    async sendMail(message) {
      mails.push(message);
    },
  };
  return { mailer, mails };
}

const tokenOf = (bodyText: string): string[] => [...bodyText.matchAll(/\/family\/check-in\/([A-Za-z0-9_.-]+)/g)].map((match) => match[1]!);

describe("a parent's check-in link", () => {
  let database: TestDatabase;
  let store: Store;
  let coreGroupId: string;
  let members: CoreGroupMember[];
  const time = movableClock();
  const member = (key: string) => members.find((candidate) => candidate.aadObjectId === demoObjectId(key) || candidate.email?.startsWith(key))!;
  const parent = () => members.find((candidate) => candidate.role === 'family-member')!;

  const build = (options: { notifier?: ReturnType<typeof recordingNotifier>['notifier'] } = {}) => {
    const deps = { ...store, clock: time.clock };
    const checkInService = createCheckInService(deps);
    const links = createFamilyCheckInLinks({ ...deps, links: store.familyCheckInLinks, checkInService, lifetimeDays: LINK_DAYS });
    const { mailer, mails } = recordingMailer();
    const familyMail = createFamilyCheckInMail({ ...deps, links, publicBaseUrl: () => BASE_URL, lifetimeDays: LINK_DAYS });
    const { notifier, sent } = recordingNotifier();
    const status = createCaseStatusService({ ...deps, calendars: loadCalendars(), policy: (id: string) => loadPolicyCatalogue().get(id), calendar: calendarWithNoSeries });
    const notices = createCheckInNotices({ ...deps, status, notifier: options.notifier ?? notifier, mailer, organiserMailbox: 'coregroup@council.example', familyMail });
    return { links, mails, sent, notices, checkInService };
  };
  let loadCalendars: () => Awaited<ReturnType<typeof demoDatabase>>['calendars'];

  const promptJob = (who: CoreGroupMember) => ({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: who.id, aadObjectId: who.aadObjectId, promptId: randomUUID(), promptedAt: time.clock.nowIso() });

  /** Prompts the parent by e-mail and returns the one link's token. */
  const promptedToken = async (built = build()) => {
    await built.notices.prompt(promptJob(parent()));
    expect(built.mails).toHaveLength(1);
    const [token] = tokenOf(built.mails[0]!.bodyText);
    return token!;
  };

  const parentCheckIns = async () => (await store.checkIns.listByCoreGroup(coreGroupId)).filter((checkIn) => checkIn.memberId === parent().id);

  beforeAll(async () => {
    const demo = await demoDatabase(time.clock);
    ({ database, store, coreGroupId } = demo);
    loadCalendars = () => demo.calendars;
    members = await store.coreGroups.members(coreGroupId);
    await giveFamilyAction(store.plans, { coreGroupId, id: PARENT_ACTION, what: PARENT_ACTION_TEXT, ownerMemberId: parent().id, due: '2026-06-19', agreedOn: '2026-05-01', authorMemberId: member('lead').id, at: START });
  });
  afterAll(() => database.drop());

  test('the planner asks the parent outside Teams about their action, as it asks members in Teams', async () => {
    const queued: { kind: string; payload: unknown }[] = [];
    const jobs = { enqueue: async (job: Parameters<Store['jobs']['enqueue']>[0]) => (queued.push(job), store.jobs.enqueue(job)) };
    const planner = createCheckInPromptPlanner({ ...store, jobs, clock: time.clock, calendars: loadCalendars(), policy: (id: string) => loadPolicyCatalogue().get(id) });
    await planner.planFor(coreGroupId);
    const prompts = queued.filter((job) => job.kind === CHECK_IN_PROMPT_JOB).map((job) => job.payload as { memberId: string; aadObjectId?: string });
    expect(prompts).toContainEqual(expect.objectContaining({ memberId: parent().id }));
    expect(prompts.find((prompt) => prompt.memberId === parent().id)?.aadObjectId).toBeUndefined();
  });

  test('the e-mail names the case by reference and carries one link: no child, no action text, no name', async () => {
    const built = build();
    await built.notices.prompt(promptJob(parent()));
    expect(built.sent).toEqual([]);
    expect(built.mails).toHaveLength(1);
    const [mail] = built.mails;
    expect(mail).toMatchObject({ from: 'coregroup@council.example', to: 'jordan.ellis@family.example', subject: 'Core Group: how is your action going? (case DEMO-0001)' });
    expect(mail!.bodyText).toContain(`${BASE_URL}/family/check-in/`);
    expect(mail!.bodyText).toContain('for 7 days (until Wed 10 Jun 2026)');
    for (const words of ['Riley', 'Ellis', 'Jordan', 'dentist', PARENT_ACTION]) expect(`${mail!.subject}\n${mail!.bodyText}`).not.toContain(words);
    expect(tokenOf(mail!.bodyText)).toHaveLength(1);
  });

  test('a group whose documents are in Welsh and English: the e-mail and the link’s page are in both, the Welsh first; the thanks in both', async () => {
    await store.documentLanguages.choose({ coreGroupId, language: 'both', memberId: member('lead').id, at: time.clock.nowIso() });
    try {
      const built = build();
      await built.notices.prompt(promptJob(parent()));
      const [mail] = built.mails;
      expect(mail!.subject).toBe('Core Group: sut mae eich cam gweithredu yn mynd? (achos DEMO-0001) / Core Group: how is your action going? (case DEMO-0001)');
      expect(mail!.bodyText.indexOf('Helo,')).toBeLessThan(mail!.bodyText.indexOf('Hello,'));
      expect(mail!.bodyText).toContain('am 7 diwrnod (tan Mer, 10 Meh 2026)');
      expect(mail!.bodyText).toContain('for 7 days (until Wed 10 Jun 2026)');
      const [token] = tokenOf(mail!.bodyText);
      const opened = await built.links.open(token!);
      expect(opened).toMatchObject({ language: 'both' });
      const html = checkInFormPage({ action: opened as LinkedAction, token: token! });
      expect(html).toContain('<html lang="cy-GB">');
      expect(html.indexOf('Sut mae eich cam gweithredu yn mynd?')).toBeLessThan(html.indexOf('How is your action going?'));
      expect(html).toContain('<div lang="en-GB">');
      expect(html.match(/<form /g)).toHaveLength(1);
      expect(html).toContain('<span lang="cy-GB">Ar y trywydd iawn</span> / <span lang="en-GB">On track</span>');
      expect(html).toContain('Mae i fod erbyn <strong>');
      expect(checkInThanksPage('both')).toMatch(/<h1>Diolch<\/h1>[\s\S]*<h1>Thank you<\/h1>/);
    } finally {
      await store.documentLanguages.choose({ coreGroupId, language: 'en', memberId: member('lead').id, at: time.clock.nowIso() });
    }
  });

  test('what is stored is the selector and a hash, never the token', async () => {
    const token = await promptedToken();
    const [selector, verifier] = token.split('.');
    const link = await store.familyCheckInLinks.find(selector!);
    expect(link).toMatchObject({ memberId: parent().id, actionId: PARENT_ACTION, expiresAt: '2026-06-10T08:00:00Z' });
    expect(JSON.stringify(link)).not.toContain(verifier);
  });

  test('the page shows only that action and its due date; the answer is recorded as a check-in the silence rule sees, audited as the parent', async () => {
    const { links } = build();
    const token = await promptedToken();
    const asOf = time.clock.today();
    const silentBefore = detectSignals({ asOf, actions: (await store.plans.current(coreGroupId))!.actions, checkIns: await store.checkIns.listByCoreGroup(coreGroupId), heldMeetings: [], obligations: [] });
    expect(silentBefore).toContainEqual(expect.objectContaining({ kind: 'action-silent', subjectId: PARENT_ACTION }));

    expect(await links.open(token)).toEqual({ what: PARENT_ACTION_TEXT, due: Temporal.PlainDate.from('2026-06-19'), language: 'en' });
    expect(await links.answer({ token, answer: 'stuck', note: '  The surgery has no appointments until July  ' })).toEqual({ recorded: true, language: 'en' });

    const recorded = await parentCheckIns();
    expect(recorded).toEqual([expect.objectContaining({ actionId: PARENT_ACTION, status: 'blocked', note: 'The surgery has no appointments until July' })]);
    const silentAfter = detectSignals({ asOf, actions: (await store.plans.current(coreGroupId))!.actions, checkIns: await store.checkIns.listByCoreGroup(coreGroupId), heldMeetings: [], obligations: [] });
    expect(silentAfter).not.toContainEqual(expect.objectContaining({ kind: 'action-silent', subjectId: PARENT_ACTION }));
    const audit = await store.auditLog.listByCoreGroup(coreGroupId);
    expect(audit).toContainEqual(expect.objectContaining({ actor: `member:${parent().id}`, action: 'check-in-own-action', targetId: PARENT_ACTION, outcome: 'allowed' }));
    expect(audit).toContainEqual(expect.objectContaining({ actor: `member:${parent().id}`, action: 'open-check-in-link', targetId: PARENT_ACTION, outcome: 'allowed' }));
  });

  test('a used link is refused (410) and records nothing more; so is the other link e-mailed for the same prompt', async () => {
    const { links } = build();
    const job = promptJob(parent());
    const first = build();
    await first.notices.prompt(job);
    const retried = build();
    await retried.notices.prompt(job);
    const [one] = tokenOf(first.mails[0]!.bodyText);
    const [two] = tokenOf(retried.mails[0]!.bodyText);
    const before = (await parentCheckIns()).length;
    expect(await links.answer({ token: one!, answer: 'on-track', note: '' })).toEqual({ recorded: true, language: 'en' });
    expect(await links.open(one!)).toEqual({ refused: 'gone' });
    expect(await links.answer({ token: one!, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    expect(await links.answer({ token: two!, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    expect(await parentCheckIns()).toHaveLength(before + 1);
  });

  test('a double submit records one check-in', async () => {
    const { links } = build();
    const token = await promptedToken();
    const before = (await parentCheckIns()).length;
    const answers = await Promise.all([links.answer({ token, answer: 'on-track', note: '' }), links.answer({ token, answer: 'stuck', note: '' })]);
    expect(answers).toContainEqual({ recorded: true, language: 'en' });
    expect(await parentCheckIns()).toHaveLength(before + 1);
  });

  test('a tampered or made-up token is not found (404), and nothing is recorded', async () => {
    const { links } = build();
    const token = await promptedToken();
    const before = (await parentCheckIns()).length;
    const flipped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const otherSelector = `${'A'.repeat(22)}${token.slice(22)}`;
    for (const bad of [flipped, otherSelector, token.slice(0, 30), 'not-a-token', '']) {
      expect(await links.open(bad)).toEqual({ refused: 'not-found' });
      expect(await links.answer({ token: bad, answer: 'done', note: '' })).toEqual({ refused: 'not-found' });
    }
    expect(await parentCheckIns()).toHaveLength(before);
    expect(await links.open(token)).toMatchObject({ what: PARENT_ACTION_TEXT });
  });

  test('an expired link is refused (410), and nothing is recorded', async () => {
    const { links } = build();
    const token = await promptedToken();
    const before = (await parentCheckIns()).length;
    time.advance(24 * LINK_DAYS);
    expect(await links.open(token)).toEqual({ refused: 'gone' });
    expect(await links.answer({ token, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    expect(await parentCheckIns()).toHaveLength(before);
    time.advance(-24 * LINK_DAYS);
  });

  test("a link for an action the member does not own, or another member's, is refused and shows nothing", async () => {
    const { links } = build();
    const before = await store.checkIns.listByCoreGroup(coreGroupId);
    const notTheirs = await links.issue({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: parent().id, actionId: 'action-visits', promptId: randomUUID() });
    expect(await links.open(notTheirs)).toEqual({ refused: 'gone' });
    expect(await links.answer({ token: notTheirs, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    const someoneElses = await links.issue({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member('health').id, actionId: PARENT_ACTION, promptId: randomUUID() });
    expect(await links.open(someoneElses)).toEqual({ refused: 'gone' });
    expect(await links.answer({ token: someoneElses, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    expect(await store.checkIns.listByCoreGroup(coreGroupId)).toEqual(before);
  });

  test('a parent removed from the group cannot use a link they were sent', async () => {
    const { links } = build();
    const token = await promptedToken();
    await store.coreGroups.updateMember(coreGroupId, { ...parent(), active: false });
    try {
      expect(await links.open(token)).toEqual({ refused: 'gone' });
      expect(await links.answer({ token, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    } finally {
      await store.coreGroups.updateMember(coreGroupId, parent());
    }
  });

  test('a link sent before the plan ended no longer works after it', async () => {
    const { links } = build();
    const token = await promptedToken();
    const group = (await store.coreGroups.findById(coreGroupId))!;
    await database.db.updateTable('core_groups').set({ plan_ended_on: '2026-06-03' }).where('id', '=', coreGroupId).execute();
    try {
      expect(await links.open(token)).toEqual({ refused: 'gone' });
      expect(await links.answer({ token, answer: 'done', note: '' })).toEqual({ refused: 'gone' });
    } finally {
      await database.db.updateTable('core_groups').set({ plan_ended_on: group.planEndedOn?.toString() ?? null }).where('id', '=', coreGroupId).execute();
    }
  });

  test('a parent invited as a Teams guest is prompted in Teams like anyone else; if Teams cannot reach them, by e-mail', async () => {
    const guest = { ...parent(), reach: 'guest' as const, aadObjectId: randomUUID() };
    await store.coreGroups.updateMember(coreGroupId, guest);
    try {
      const inTeams = recordingNotifier();
      const built = build({ notifier: inTeams.notifier });
      await built.notices.prompt(promptJob(guest));
      expect(built.mails).toEqual([]);
      expect(inTeams.sent).toEqual([expect.objectContaining({ to: { kind: 'person', aadObjectId: guest.aadObjectId }, summary: 'Core Group: please check in on your actions' })]);

      const unreachable = recordingNotifier();
      unreachable.refuse(404);
      const fallback = build({ notifier: unreachable.notifier });
      await fallback.notices.prompt(promptJob(guest));
      expect(unreachable.sent).toEqual([]);
      expect(fallback.mails).toHaveLength(1);
    } finally {
      await store.coreGroups.updateMember(coreGroupId, parent());
    }
  });
});
