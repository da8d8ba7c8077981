import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import type { CoreGroupMember } from '../../src/domain/core-group';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { createAttemptLimiter } from '../../src/server/attempt-limiter';
import { familyCheckInRouter } from '../../src/server/family-check-in.route';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import { createCheckInService } from '../../src/services/check-in.service';
import { type FamilyCheckInLinks, createFamilyCheckInLinks } from '../../src/services/family-check-in/family-check-in-links.service';
import type { Clock } from '../../src/services/ports/clock.port';
import type { Store } from '../../src/store/store';
import { type TestDatabase, demoDatabase } from '../support/databases';
import { giveFamilyAction } from '../support/fixtures';
import { attack } from './support/attack';
import { MARKUP } from './support/hostile-record';
import { professionalOnlyIn, professionalOnlyPlan } from '../support/professional-only-record';
import { type RawAnswer, sendRaw } from './support/raw-http';

const clock: Clock = { nowIso: () => '2026-06-03T08:00:00.000Z', today: () => Temporal.PlainDate.from('2026-06-03') };
const ACTION = 'action-parent-security';
const ACTION_TEXT = `Take Riley to the dentist ${MARKUP}`;
const CHILD = 'Riley';

/**
 * A parent's check-in link over HTTP, as a hostile client uses it: the public exposure (TLS in
 * front), a real store, the product's logger. Each link works once, for its own action only; any
 * other use is refused with one page that says nothing about the case; tries are limited.
 */
describe("attacks on a parent's check-in link", () => {
  let database: TestDatabase;
  let store: Store;
  let coreGroupId: string;
  let parent: CoreGroupMember;
  let links: FamilyCheckInLinks;
  let server: Server;
  let url: string;
  const logLines: string[] = [];

  const issue = (actionId = ACTION, memberId = parent.id) => links.issue({ tenantId: DEMO_TENANT_ID, coreGroupId, memberId, actionId, promptId: randomUUID() });
  const open = (token: string, headers: Record<string, string> = {}) => sendRaw(url, { method: 'GET', path: `/family/check-in/${token}`, headers });
  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    sendRaw(url, { method: 'POST', path: '/family/check-in', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(fields).toString() });
  const parentCheckIns = async () => (await store.checkIns.listByCoreGroup(coreGroupId)).filter((checkIn) => checkIn.memberId === parent.id);
  const expectRefusal = (answer: RawAnswer, status: number) => {
    expect(answer.status).toBe(status);
    expect(answer.text).toContain('This link does not work');
    expect(answer.text).not.toContain(CHILD);
    expect(answer.text).not.toContain('dentist');
    expect(answer.text).not.toContain('DEMO-0001');
  };

  beforeAll(async () => {
    ({ database, store, coreGroupId } = await demoDatabase(clock));
    const members = await store.coreGroups.members(coreGroupId);
    parent = members.find((member) => member.role === 'family-member')!;
    await giveFamilyAction(store.plans, { coreGroupId, id: ACTION, what: ACTION_TEXT, ownerMemberId: parent.id, due: '2026-06-19', agreedOn: '2026-05-01', authorMemberId: members[0]!.id, at: clock.nowIso() });
    links = createFamilyCheckInLinks({ ...store, clock, links: store.familyCheckInLinks, checkInService: createCheckInService({ ...store, clock }), lifetimeDays: 7 });
    const logger = createLogger({ level: 'trace', destination: { write: (line: string) => void logLines.push(line) } });
    const routers = [familyCheckInRouter({ links, perAddress: createAttemptLimiter({ limit: 1000, windowMs: 60_000 }), perLink: createAttemptLimiter({ limit: 4, windowMs: 60_000 }) })];
    const app = createHttpApp({ logger, version: 'test', health: { checkDatabase: async () => undefined }, exposure: 'public', routers });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.drop();
  });

  test('a good link: the page shows the action (escaped) and its due date under a strict policy; the answer is recorded once', async () => {
    const token = await issue();
    const page = await open(token);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('strict-origin');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[^']+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    expect(page.text).toContain('Take Riley to the dentist');
    expect(page.text).toContain('Fri 19 Jun 2026');
    expect(page.text).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page.text).not.toMatch(/<(script|img|link|a|iframe)\b/i);
    expect(page.text).not.toMatch(/\s(src|href)=/i);
    const before = (await parentCheckIns()).length;
    const thanks = await post({ token, answer: 'on-track', note: 'Booked for Tuesday' });
    expect([thanks.status, thanks.text.includes('Your answer is recorded')]).toEqual([200, true]);
    expect(await parentCheckIns()).toHaveLength(before + 1);
  });

  attack('a link used once is refused (410) on the page and on a second answer; nothing more is recorded', async () => {
    const token = await issue();
    expect((await post({ token, answer: 'on-track', note: '' })).status).toBe(200);
    const count = (await parentCheckIns()).length;
    expectRefusal(await open(token), 410);
    expectRefusal(await post({ token, answer: 'done', note: '' }), 410);
    expect(await parentCheckIns()).toHaveLength(count);
  });

  attack('a tampered token, a made-up one, and an incomplete one are refused (404) and record nothing', async () => {
    const token = await issue();
    const count = (await parentCheckIns()).length;
    for (const bad of [`${token.slice(0, -2)}AA`, `${'Z'.repeat(22)}${token.slice(22)}`, token.slice(0, 40), 'x'.repeat(65), '%00']) {
      expectRefusal(await open(bad), 404);
      expectRefusal(await post({ token: bad, answer: 'done', note: '' }), 404);
    }
    expect(await parentCheckIns()).toHaveLength(count);
  });

  attack("a link for another member's action is refused (410) and shows nothing; a form naming another action records on the link's own action only", async () => {
    const notTheirs = await issue('action-visits');
    expectRefusal(await open(notTheirs), 410);
    expectRefusal(await post({ token: notTheirs, answer: 'done', note: '' }), 410);
    const token = await issue();
    const all = (await store.checkIns.listByCoreGroup(coreGroupId)).length;
    expect((await post({ token, answer: 'on-track', note: '', actionId: 'action-visits', memberId: 'someone-else' })).status).toBe(200);
    const after = await store.checkIns.listByCoreGroup(coreGroupId);
    expect(after).toHaveLength(all + 1);
    expect(after.at(-1)).toMatchObject({ actionId: ACTION, memberId: parent.id });
  });

  attack('an answer that is not one of the three, a note over 1000 characters, or a JSON body is refused (400) and records nothing', async () => {
    const token = await issue();
    const count = (await parentCheckIns()).length;
    expect((await post({ token, answer: 'at-risk', note: '' })).status).toBe(400);
    expect((await post({ token, answer: 'done', note: 'x'.repeat(1001) })).status).toBe(400);
    expect((await sendRaw(url, { method: 'POST', path: '/family/check-in', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, answer: 'done' }) })).status).toBe(400);
    expect(await parentCheckIns()).toHaveLength(count);
    expect((await open(token)).status).toBe(200);
  });

  attack('a body over the limit is refused (413)', async () => {
    const answer = await post({ token: 'x', answer: 'done', note: 'x'.repeat(20_000) });
    expect(answer.status).toBe(413);
  });

  attack('tries on one link are limited: after a few, even the right token gets 429', async () => {
    const token = await issue();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) statuses.push((await open(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await post({ token, answer: 'done', note: '' })).status).toBe(429);
  });

  attack('fuzz: any form body posted, and any token in the path, is refused without a 5xx and records nothing', async () => {
    const count = (await store.checkIns.listByCoreGroup(coreGroupId)).length;
    const refusals = new Set([400, 404, 410, 413, 429]);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.string({ minLength: 1, maxLength: 120 }), async (body, token) => {
        const posted = await sendRaw(url, { method: 'POST', path: '/family/check-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
        const opened = await open(encodeURIComponent(token));
        expect([refusals.has(posted.status), refusals.has(opened.status)]).toEqual([true, true]);
      }),
      { numRuns: 60 },
    );
    expect(await store.checkIns.listByCoreGroup(coreGroupId)).toHaveLength(count);
  });

  attack('the link page carries nothing professional-only, even from a plan full of it (police actions, monitoring)', async () => {
    const members = await store.coreGroups.members(coreGroupId);
    const officer = members.find((member) => member.agency.toLowerCase().includes('police'))!;
    const healthVisitor = members.find((member) => member.agency === 'health visiting')!;
    const current = (await store.plans.current(coreGroupId))!;
    const full = professionalOnlyPlan({ coreGroupId, version: current.version + 1, police: officer, healthVisitor, actionIds: { police: 'action-police-link', health: 'action-health-link' } });
    const parentsAction = current.actions.find((action) => action.id === ACTION)!;
    await store.plans.saveRevision({ plan: { ...full, actions: [...full.actions, parentsAction] }, authorMemberId: members[0]!.id, reason: 'Agreed at the core group', changes: [] }, clock.nowIso());
    const page = await open(await issue());
    expect(page.status).toBe(200);
    expect(page.text).toContain('dentist');
    expect(professionalOnlyIn(page.text)).toEqual([]);
    const police = await open(await issue('action-police-link'));
    expect([police.status, professionalOnlyIn(police.text)]).toEqual([410, []]);
    expect(police.text).toContain('This link does not work');
  });

  attack('nothing any of this wrote to the log names the child, the action, or a token', async () => {
    const token = await issue();
    await open(token);
    await post({ token, answer: 'on-track', note: 'Riley is fine' });
    const written = logLines.join('\n');
    expect(written).not.toContain(CHILD);
    expect(written).not.toContain('dentist');
    expect(written).not.toContain(token.slice(23));
    expect(written).not.toContain(token.slice(0, 22));
  });
});

describe('tries from one address are limited across links', () => {
  attack('the per-address limit answers 429 whatever the token', async () => {
    const links = { open: async () => ({ refused: 'not-found' as const }), answer: async () => ({ refused: 'not-found' as const }) };
    const app = createHttpApp({ logger: createLogger({ level: 'silent' }), version: 'test', health: { checkDatabase: async () => undefined }, exposure: 'public', routers: [familyCheckInRouter({ links, perAddress: createAttemptLimiter({ limit: 3, windowMs: 60_000 }) })] });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await sendRaw(base, { method: 'GET', path: `/family/check-in/${randomUUID()}${attempt}` })).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
