import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { CONCERN_DECISIONS } from '../../src/domain/concern-steps';
import { said } from '../../src/domain/errors';
import { type GraphOperation, type GraphService, graphAnswer, graphFailure } from '../../src/graph/graph-failure';
import { datesIn } from '../../src/i18n/dates';
import { CATALOGUES, translatorFor } from '../../src/i18n/translate';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { CASE_REFERENCE_UNUSABLE, NO_MAILBOX, WHO_ALLOWS_SETUP } from '../../src/services/core-group-setup.service';
import { CREATE_CORE_GROUPS_ROLE } from '../../src/services/ports/calendar.port';
import { RenderError } from '../../src/services/ports/record-renderer.port';
import type { Clock } from '../../src/services/ports/clock.port';
import { botEndpointForTests } from '../support/bot-endpoint';
import { localServiceForTests } from '../support/local-service';

const ROOT = join(__dirname, '..', '..');
/** Where the services' and adapters' refusals are raised (src/domain has its own catalogue, `refusals.*`). */
const ROOTS = ['src/services', 'src/store', 'src/graph', 'src/policies', 'src/server', 'src/export'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const files = ROOTS.flatMap((root) => sources(join(ROOT, root))).map((path) => ({ path: relative(ROOT, path), code: readFileSync(path, 'utf8') }));
const en = translatorFor('en');
const cy = translatorFor('cy');

function textAt(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

describe('the services’ refusals in the catalogues', () => {
  test('every serviceRefusals key the code names (a ternary’s, a table’s too) is in English and Welsh', () => {
    const named = files.flatMap(({ path, code }) => [...code.matchAll(/'(serviceRefusals\.[\w.-]+)'/g)].map((match) => ({ path, key: match[1]! })));
    const byTable = [...CONCERN_DECISIONS.flatMap((decision) => [`serviceRefusals.concerns.notYours.${decision}`, `serviceRefusals.concerns.notNow.${decision}`]), 'serviceRefusals.transfer.beforeStart.icpc', 'serviceRefusals.transfer.beforeStart.transfer-in'];
    expect(named.length).toBeGreaterThan(100);
    const missing = [...named.map(({ key }) => key), ...byTable].filter((key) => typeof textAt(CATALOGUES.en, key) !== 'string' || typeof textAt(CATALOGUES.cy, key) !== 'string');
    expect(missing).toEqual([]);
  });

  test('a refusal with fixed words says in the English catalogue exactly what its userMessage says', () => {
    const constants = (code: string) => new Map([...code.matchAll(/const (\w+) = '((?:[^'\\]|\\.)*)';/g)].map((match) => [match[1]!, match[2]!]));
    const sites = files.flatMap(({ path, code }) =>
      [...code.matchAll(/new \w+Error\((?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Z_]+)), \{ said: said\('([\w.-]+)'\)/g)].map((match) => ({
        path,
        english: match[1] ?? match[2] ?? constants(code).get(match[3]!),
        key: match[4]!,
      })),
    );
    expect(sites.length).toBeGreaterThan(60);
    const differing = sites.filter(({ english, key }) => en(key) !== english?.replace(/\\'/g, "'"));
    expect(differing).toEqual([]);
    expect(en('serviceRefusals.setup.noMailbox')).toBe(NO_MAILBOX);
    expect(en('serviceRefusals.setup.caseReferenceUnusable')).toBe(CASE_REFERENCE_UNUSABLE);
    expect(en('newGroup.notAllowed', { role: CREATE_CORE_GROUPS_ROLE })).toBe(WHO_ALLOWS_SETUP);
    expect(en('serviceRefusals.records.renderFailed')).toBe(new RenderError({ format: 'pdf', cause: undefined, said: said('serviceRefusals.records.renderFailed') }).userMessage);
  });

  test('the concern decisions’ tables say in English what their catalogue entries say', () => {
    const code = readFileSync(join(ROOT, 'src/services/concerns/concern-decisions.service.ts'), 'utf8');
    for (const table of ['NOT_YOURS', 'NOT_NOW']) {
      const body = new RegExp(`const ${table}[^{]*\\{([^}]*)\\}`).exec(code)![1]!;
      const rows = [...body.matchAll(/'?([\w-]+)'?: '((?:[^'\\]|\\.)*)'/g)].map((match) => [match[1]!, match[2]!] as const);
      expect(rows.map(([decision]) => decision)).toEqual([...CONCERN_DECISIONS]);
      for (const [decision, english] of rows) expect(en(`serviceRefusals.concerns.${table === 'NOT_YOURS' ? 'notYours' : 'notNow'}.${decision}`)).toBe(english);
    }
  });

  test('each Graph request a failure names: its English words are the userMessage’s, its Welsh a whole Welsh sentence', () => {
    const code = readFileSync(join(ROOT, 'src/graph/graph-failure.ts'), 'utf8');
    const operations = [.../const OPERATIONS = \{([^}]*)\}/.exec(code)![1]!.matchAll(/'([^']+)': '\w+'/g)].map((match) => match[1]! as GraphOperation);
    const services: GraphService[] = ['calendar', 'mail', 'Teams activity feed', 'Teams'];
    expect(operations).toHaveLength(18);
    const failures = operations.flatMap((operation) =>
      services.flatMap((service) => [graphAnswer(operation, { status: 403 }, service), graphAnswer(operation, { status: 503 }, service), graphFailure(new Error('dropped'), operation, service)]),
    );
    for (const failure of failures) {
      expect(en(failure.words.key, failure.words.values)).toBe(failure.userMessage);
      expect(cy(failure.words.key, failure.words.values)).not.toMatch(/serviceRefusals|service (refused|is busy|could not)|\$t\(/);
    }
    const createRefused = graphAnswer('create the meeting', { status: 403 });
    expect(cy(createRefused.words.key, createRefused.words.values)).toBe("Gwrthododd y gwasanaeth calendr y cais i greu'r cyfarfod.");
    const feedBusy = graphAnswer('post to the activity feed', { status: 429 }, 'Teams activity feed');
    expect(cy(feedBusy.words.key, feedBusy.words.values)).toBe("Ni chwblhawyd y cais i bostio i'r ffrwd gweithgarwch: roedd gwasanaeth ffrwd gweithgarwch Teams yn brysur. Rhowch gynnig arall arni ymhen ychydig funudau.");
  });

  test('a date a refusal names is written in the reader’s language; the English is the userMessage’s own', () => {
    const words = said('serviceRefusals.scheduling.notWorkingDay', { on: '2026-12-25' });
    expect(en(words.key, words.values)).toBe('Fri 25 Dec 2026 is not a working day (a weekend or a bank holiday): choose another day.');
    expect(cy(words.key, words.values)).toBe(`Nid yw ${datesIn('cy').date('2026-12-25')} yn ddiwrnod gwaith (penwythnos neu ŵyl banc): dewiswch ddiwrnod arall.`);
    expect(cy(words.key, words.values)).toMatch(/Rhag 2026/);
    const booked = said('serviceRefusals.scheduling.extraAlreadyBooked', { at: '2026-06-09T13:30:00.000Z' });
    expect(en(booked.key, booked.values)).toBe('The extra core group is already booked for Tue 9 Jun 2026, 14:30.');
    expect(cy(booked.key, booked.values)).toBe(`Mae'r grŵp craidd ychwanegol wedi'i drefnu eisoes ar gyfer ${datesIn('cy').dateOfInstant('2026-06-09T13:30:00.000Z')}, 14:30.`);
  });
});

/** The tab API in local mode (the real composition), asked in Welsh and in English. */
describe('a service’s refusal through the tab API, in the language the request asks for', () => {
  const local = localServiceForTests('coregroup-refusals-');

  const transferOut = async (language: string, body: { on: string; to: string }) => {
    const signedIn = await fetch(`${local.service().url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ aadObjectId: demoObjectId('lead') }) });
    const { token } = (await signedIn.json()) as { token: string };
    const [coreGroup] = (await local.store().coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).filter((group) => group.caseReference === DEMO_CASE_REFERENCE);
    const response = await fetch(`${local.service().url}/api/core-groups/${coreGroup!.id}/transfer-out`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } }, icpcDate: coreGroup!.icpcDate };
  };

  test('a transfer dated before the ICPC, or still to come: the rule in Welsh with its date in Welsh; in English as before', async () => {
    const early = await transferOut('cy-GB,cy;q=0.9', { on: '2001-01-02', to: 'Ceredigion' });
    expect(early.status).toBe(422);
    expect(early.body.error).toEqual({ code: 'rule-violation', message: `Daw trosglwyddiad ar ôl y gynhadledd amddiffyn plant gychwynnol (${datesIn('cy').date(early.icpcDate)}).` });
    const future = await transferOut('cy', { on: '2099-06-01', to: 'Ceredigion' });
    expect(future.body.error.message).toBe(`Mae ${datesIn('cy').date('2099-06-01')} eto i ddod: cofnodwch y trosglwyddiad ar y diwrnod y mae'n digwydd.`);
    expect(future.body.error.message).toMatch(/^Mae Llun\W+1 Meh\w* 2099 eto i ddod/);
    const english = await transferOut('en-GB', { on: '2099-06-01', to: 'Ceredigion' });
    expect(english.body.error.message).toBe('Mon 1 Jun 2099 is still to come: record the transfer on the day it happens.');
  });
});

/** The bot's answers, through the real endpoint, to someone whose Teams speaks Welsh. */
describe('a service’s refusal through the bot, in the person’s language', () => {
  const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
  const bot = botEndpointForTests(clock);

  test('a note typed in a chat that is not a meeting’s is refused in Welsh', async () => {
    expect(await bot.say('health', '/coregroup note Ymweliad ddydd Mawrth', { locale: 'cy-GB', conversationType: 'groupChat' })).toContain("Nid yw'r sgwrs hon yn sgwrs cyfarfod grŵp craidd.");
    expect(await bot.say('health', '/coregroup note Visit on Tuesday', { locale: 'en-GB', conversationType: 'groupChat' })).toContain('This chat is not a core group meeting chat.');
  });

  test('checking in on someone else’s action is refused on the card, in Welsh', async () => {
    const card = await bot.press('school', { verb: 'check-in', data: { coreGroupId: bot.coreGroupId(), actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-0000000000c2', 'note-action-visits': '' } }, { locale: 'cy-GB' });
    expect(card).toContain('Dim ond perchennog cam gweithredu all roi diweddariad arno.');
    expect(card).not.toContain('Only the owner');
  });
});
