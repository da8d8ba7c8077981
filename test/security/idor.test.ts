import { attack } from './support/attack';
import { changesBetween, disclosed, type GroupName, type Person, type SecuredStack, startSecuredStack } from './support/secured-stack';
import { PRODUCTION_TAB_ROUTES } from './support/tab-routes';

/**
 * IDOR: every route that names a meeting, a contribution or a core group, called with ids that
 * are not the caller's — by a same-tenant stranger, by the lead of another group, from another
 * allowed tenant (once with the demo lead's own object id), and by the demo lead at other groups.
 * Each is refused (403 or 404), the answer names nothing of the target, and nothing changes.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const CALLERS_AT_TARGETS: readonly [string, Person, GroupName][] = [
  ['a same-tenant non-member', 'stranger', 'demo'],
  ['the lead of another core group in the tenant', 'otherLead', 'demo'],
  ['the lead of a core group in another allowed tenant', 'partnerLead', 'demo'],
  ["the demo lead's object id claimed from another allowed tenant", 'partnerWithLeadOid', 'demo'],
  ['the demo lead social worker at another core group', 'lead', 'other'],
  ["the demo lead social worker at another tenant's core group", 'lead', 'partner'],
];

const ROUTES_WITH_IDS = PRODUCTION_TAB_ROUTES.filter((route) => route.takesIds);

/** Routes only the group's co-ordinator gets through (seed 001: the co-ordinator writes to an institution). */
const CO_ORDINATORS_ONLY: readonly string[] = ['POST /api/institution-tasks/:taskId/letter-sent'];
/** Routes only the team manager goes through: sending the chair's signed minutes back. */
const TEAM_MANAGERS_ONLY: readonly string[] = ['POST /api/meetings/:meetingId/minutes/return'];

describe('tab API: ids that are not the caller’s', () => {
  for (const route of ROUTES_WITH_IDS) {
    for (const [who, person, group] of CALLERS_AT_TARGETS) {
      attack(`IDOR: ${who} on ${route.key} is refused; nothing disclosed or changed`, async () => {
        const target = await stack.freshMeeting(route.needs, group);
        const before = await stack.snapshot();
        const answer = await stack.call(route.method, route.path(target), { token: await stack.as(person), body: route.bodyFor(target) });
        expect([403, 404]).toContain(answer.status);
        expect(answer.json).toEqual({ error: { code: expect.stringMatching(/^(forbidden|not-found)$/), message: expect.any(String) } });
        expect(disclosed(answer.text)).toEqual([]);
        expect(changesBetween(before, await stack.snapshot())).toEqual([]);
      });
    }
  }

  test('control: the lead social worker of each target group gets each route through (so each refusal above is about the ids)', async () => {
    const statuses: Record<string, number> = {};
    for (const route of ROUTES_WITH_IDS) {
      const target = await stack.freshMeeting(route.needs, 'demo');
      const insider = CO_ORDINATORS_ONLY.includes(route.key) ? 'coordinator' : TEAM_MANAGERS_ONLY.includes(route.key) ? 'manager' : 'lead';
      statuses[route.key] = (await stack.call(route.method, route.path(target), { token: await stack.as(insider), body: route.bodyFor(target) })).status;
      // Only the demo group has a co-ordinator and a team manager.
      if (insider !== 'lead') continue;
      const other = await stack.freshMeeting(route.needs, 'other');
      statuses[`${route.key} (other group)`] = (await stack.call(route.method, route.path(other), { token: await stack.as('otherLead'), body: route.bodyFor(other) })).status;
    }
    expect(Object.entries(statuses).filter(([, status]) => status >= 300)).toEqual([]);
  }, 60_000);
});

/** Card actions carry ids in their data; the caller is the activity's sender. */
const CARD_PRESSES: readonly [string, (target: { coreGroupId: string; meetingId: string }) => { verb: string; data: Record<string, unknown> }][] = [
  ['a check-in on the health visitor’s action', (target) => ({ verb: 'check-in', data: { coreGroupId: target.coreGroupId, actionId: 'action-visits', status: 'done', promptId: crypto.randomUUID(), 'note-action-visits': 'Visited' } })],
  ['a concern raised', (target) => ({ verb: 'raise-concern', data: { coreGroupId: target.coreGroupId, requestId: crypto.randomUUID(), kind: 'drift-and-delay', note: 'Nothing is happening' } })],
  ['a slot booked', (target) => ({ verb: 'book-slot', data: { coreGroupId: target.coreGroupId, slot: String(Date.parse('2026-06-10T13:00:00Z')) } })],
  ['“I’m here” at the meeting', (target) => ({ verb: 'mark-present', data: { meetingId: target.meetingId, started: true } })],
];

const CARD_CALLERS: readonly [string, Person][] = [
  ['a same-tenant non-member', 'stranger'],
  ['the lead of another core group in the tenant', 'otherLead'],
  ['the lead of a core group in another allowed tenant', 'partnerLead'],
];

describe('card actions: ids that are not the caller’s', () => {
  for (const [what, press] of CARD_PRESSES) {
    for (const [who, person] of CARD_CALLERS) {
      attack(`IDOR: ${what} by ${who} in the demo core group changes and discloses nothing`, async () => {
        const target = await stack.freshMeeting('draft', 'demo');
        const before = await stack.snapshot();
        const sent = stack.channel.sent.length;
        const { verb, data } = press(target);
        const answer = await stack.postActivity(stack.activity(person, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }));
        expect(answer.status).toBe(200);
        expect(disclosed(answer.text)).toEqual([]);
        expect(stack.channel.sent.length).toBe(sent);
        expect(changesBetween(before, await stack.snapshot())).toEqual([]);
      });
    }
  }
});
