import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { COMMANDS } from '../../bot/commands/command-table';
import { MINUTES_SECTIONS, type SectionName } from '../../src/contracts/minutes.contract';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { createDevSignIn } from '../../src/local/dev-sign-in.issuer';
import { devSignInRouter } from '../../src/local/dev-sign-in.route';
import { createHttpApp } from '../../src/server/http-app';
import { attack } from './support/attack';
import { anythingHostile, bareJsonBodies, hostileJson, hostileText, jsonText, mutated, percentEncoded, problemsWith, rawHostileBodies, withHostileStrings } from './support/hostile-input';
import { type CapturedLog, capturedLog } from './support/log-capture';
import { type Answer, answerOf, DEMO_CHAT_ID, type SecuredStack, startSecuredStack } from './support/secured-stack';
import { TAB_ROUTES } from './support/tab-routes';

/**
 * Property-based fuzzing of every HTTP route that takes a body: the tab API's writes (from
 * TAB_API), the bot endpoint with a valid channel token, Graph's notifications and, in local
 * mode, the dev sign-in. Bodies are arbitrary JSON, raw JSON only text can carry, and valid
 * bodies made wrong in one place — all with hostile strings (NUL, lone surrogates, bidi controls,
 * markup, prototype-polluting keys) marked with a canary. Whatever comes in, the answer is a 2xx
 * or a 4xx, never a 5xx; no log line carries the canary; `Object.prototype` stays as it was; and
 * the service still answers afterwards. Each property is one attack.
 */
const RUNS = 50;
const TIMEOUT_MS = 120_000;

let stack: SecuredStack;
let local: { base: string; log: CapturedLog; server: Server };
beforeAll(async () => {
  stack = await startSecuredStack();
  const log = capturedLog();
  const app = createHttpApp({ logger: log.logger, version: 'fuzz', health: { checkDatabase: async () => undefined }, routers: [devSignInRouter(await createDevSignIn([DEMO_TENANT_ID]))] });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  local = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, log, server };
});
afterAll(async () => {
  await new Promise((resolve) => local.server.close(resolve));
  await stack.stop();
});

/** Sends one fuzzed request; fails on a 5xx, the input in a log line or a polluted prototype. */
async function expectHandled(log: CapturedLog, send: () => Promise<Answer>): Promise<Answer> {
  log.clear();
  const answer = await send();
  expect(problemsWith(answer, log.lines())).toEqual([]);
  return answer;
}

async function expectStillServing(base: string): Promise<void> {
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
}

/** A body as JSON text: generated objects and arrays, and the raw bodies only text can carry. */
const anyBody: fc.Arbitrary<string> = fc.oneof(hostileJson.map(jsonText), anythingHostile.map(jsonText), fc.constantFrom(...rawHostileBodies));

/** A route that takes a JSON body, how to send it one, and a body it accepts. */
interface BodyRoute {
  readonly name: string;
  readonly log: () => CapturedLog;
  readonly base: () => string;
  /** A valid body (built once the stack runs). */
  readonly sample: () => Promise<unknown>;
  send(rawBody: string): Promise<Answer>;
}

const tabWrite = (key: string): BodyRoute => {
  const route = TAB_ROUTES.find((candidate) => candidate.key === key)!;
  return {
    name: route.key,
    log: () => stack.log,
    base: () => stack.base,
    sample: async () => route.bodyFor(await stack.freshMeeting(route.needs)) ?? {},
    async send(rawBody) {
      const target = await stack.freshMeeting(route.needs);
      return stack.call(route.method, route.path(target), { token: await stack.as('lead'), rawBody });
    },
  };
};

const BODY_ROUTES: readonly BodyRoute[] = [
  ...TAB_ROUTES.filter((route) => route.writes && !route.localOnly).map((route) => tabWrite(route.key)),
  {
    name: 'POST /api/messages',
    log: () => stack.log,
    base: () => stack.base,
    sample: async () => stack.activity('health', { text: '/coregroup tasks' }),
    send: async (rawBody) => stack.call('POST', '/api/messages', { token: await stack.channel.token(), rawBody }),
  },
  {
    name: 'POST /api/graph/notifications',
    log: () => stack.log,
    base: () => stack.base,
    sample: async () => ({ value: [{ subscriptionId: 'subscription-1', clientState: 'not-the-secret', changeType: 'updated', resourceData: { id: 'event-1', '@odata.type': '#Microsoft.Graph.Event' } }] }),
    send: (rawBody) => stack.call('POST', '/api/graph/notifications', { rawBody }),
  },
  {
    name: 'POST /api/dev/sign-in (local mode)',
    log: () => local.log,
    base: () => local.base,
    sample: async () => TAB_ROUTES.find((route) => route.key === 'POST /api/dev/sign-in')!.body,
    async send(rawBody) {
      return answerOf(await fetch(`${local.base}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: rawBody }));
    },
  },
];

describe('every route that takes a JSON body', () => {
  for (const route of BODY_ROUTES) {
    const bodies: readonly [string, () => Promise<fc.Arbitrary<string>>][] = [
      ['arbitrary JSON objects and arrays', async () => anyBody],
      ['a JSON body whose root is no object (a string, number, true or null)', async () => bareJsonBodies],
      ['its valid body made wrong in one place', async () => mutated(await route.sample()).map(jsonText)],
    ];
    for (const [what, arbitrary] of bodies) {
      attack(
        `fuzz: ${route.name} with ${what} is never a 5xx, never logged`,
        async () => {
          await fc.assert(
            fc.asyncProperty(await arbitrary(), async (body) => {
              await expectHandled(route.log(), () => route.send(body));
            }),
            { numRuns: RUNS },
          );
          await expectStillServing(route.base());
        },
        TIMEOUT_MS,
      );
    }
  }
});

describe('the minutes, section by section', () => {
  attack(
    'fuzz: every section of the minutes saved with hostile text is saved or refused, and the minutes then read and export without a 5xx or a log line',
    async () => {
      const lead = await stack.as('lead');
      const memberId = stack.member('health')!.id;
      const samples: Record<SectionName, unknown> = {
        attendance: [{ memberId, attendance: 'representative-sent', representativeName: 'x' }],
        otherAttendees: [{ name: 'x', relationship: 'x', organisation: 'x' }],
        allAgenciesPresent: { discussed: true, note: 'x' },
        actionUpdates: [{ actionId: 'action-visits', agency: 'x', update: 'x' }],
        agencyUpdates: [{ agency: 'x', update: 'x' }],
        writtenReports: [{ memberId, summary: 'x' }],
        childSeen: { seen: 'yes', seenAlone: 'no', lastSeenOn: '2026-06-01', seenBy: 'x', note: 'x' },
        childsVoice: 'x',
        signsOfSafety: { worries: 'x', workingWell: 'x', needsToHappen: 'x', scaling: [{ memberId, score: 5 }] },
        decisions: ['x', 'x'],
        newActions: [{ what: 'x', ownerMemberId: memberId, agency: 'x', due: '2026-07-01', progressMeasure: 'x' }],
        disagreements: [{ text: 'x', significant: true }],
        contingencyReview: 'x',
        reviewRecommendation: { outcome: 'continue', reasons: 'x' },
        nextMeetingDate: '2026-07-06',
        sharing: { withFamily: true, withChild: false },
      };
      expect(Object.keys(samples).sort()).toEqual(Object.keys(MINUTES_SECTIONS).sort());
      const sectionValue = fc.constantFrom(...(Object.keys(samples) as SectionName[])).chain((section) => withHostileStrings(samples[section]).map((value) => ({ section, value })));
      await fc.assert(
        fc.asyncProperty(fc.array(sectionValue, { minLength: 1, maxLength: 4 }), async (saves) => {
          const { meetingId } = await stack.freshMeeting('draft');
          let version = 1;
          for (const { section, value } of saves) {
            const saved = await expectHandled(stack.log, () => stack.call('PATCH', `/api/meetings/${meetingId}/minutes`, { token: lead, body: { baseVersion: version, section, value } }));
            if (saved.status === 200) version = (saved.json as { version: number }).version;
          }
          for (const path of [`/api/meetings/${meetingId}/minutes`, `/api/meetings/${meetingId}/minutes/export.docx`, `/api/meetings/${meetingId}/minutes/export.pdf`]) {
            const read = await expectHandled(stack.log, () => stack.call('GET', path, { token: lead }));
            expect(read.status).toBe(200);
          }
        }),
        { numRuns: 25 },
      );
      await expectStillServing(stack.base);
    },
    TIMEOUT_MS,
  );
});

describe('the bot endpoint, with a valid channel token', () => {
  const post = (activity: unknown) => expectHandled(stack.log, async () => stack.postActivity(activity as object));

  const verbs = Object.keys(COMMANDS);
  for (const where of ['a 1:1 chat', 'the meeting chat'] as const) {
    attack(
      `fuzz: /api/messages with every /coregroup command and hostile text in ${where} is never a 5xx, never logged`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...verbs), hostileText, fc.constantFrom('', ' by 2026-02-30', ' by 2026-06-19', ' <at>Owen Price</at> to phone', ' by 9999-99-99'), async (verb, text, tail) => {
            const message = stack.activity('health', { text: `<at>Core Group</at> /coregroup ${verb} ${text}${tail}`, conversationType: where === 'a 1:1 chat' ? 'personal' : 'groupChat' });
            await post(where === 'a 1:1 chat' ? message : { ...stack.inMeetingChat(message), id: `activity-${Math.random().toString(36).slice(2)}` });
          }),
          { numRuns: RUNS },
        );
        await expectStillServing(stack.base);
      },
      TIMEOUT_MS,
    );
  }

  attack(
    'fuzz: /api/messages with invokes of any name and value is never a 5xx, never logged',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'signin/verifyState'), hostileText), hostileJson, async (name, value) => {
          await post(stack.activity('health', { type: 'invoke', name, value }));
        }),
        { numRuns: RUNS },
      );
      await expectStillServing(stack.base);
    },
    TIMEOUT_MS,
  );

  attack(
    'fuzz: /api/messages with Teams events of any name and value is never a 5xx, never logged',
    async () => {
      const base = stack.meetingEvent(DEMO_CHAT_ID, 'start');
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom('application/vnd.microsoft.meetingStart', 'application/vnd.microsoft.meetingEnd', 'application/vnd.microsoft.readReceipt'), hostileText), mutated(base.value), async (name, value) => {
          await post({ ...base, name, value });
        }),
        { numRuns: RUNS },
      );
      await expectStillServing(stack.base);
    },
    TIMEOUT_MS,
  );

  for (const [kind, make] of [
    ['a command', () => stack.activity('health', { text: '/coregroup tasks' })],
    ['a card action', () => stack.activity('health', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'on-track', promptId: '5b1d0c8e-0000-4000-8000-00000000f022' } } } })],
    ['the app added to a chat', () => ({ ...stack.activity('lead', { type: 'conversationUpdate', conversationType: 'groupChat' }), membersAdded: [{ id: '28:33333333-4444-4555-8666-777777777777' }] })],
  ] as const) {
    attack(
      `fuzz: /api/messages with ${kind} made wrong in one place is never a 5xx, never logged`,
      async () => {
        await fc.assert(
          fc.asyncProperty(mutated(make()), async (activity) => {
            await post(activity);
          }),
          { numRuns: RUNS },
        );
        await expectStillServing(stack.base);
      },
      TIMEOUT_MS,
    );
  }
});

describe('Graph change notifications', () => {
  attack(
    'fuzz: a hostile validationToken is echoed as inert plain text, never a 5xx, never logged',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileText, async (validationToken) => {
          const answer = await expectHandled(stack.log, () => stack.call('POST', `/api/graph/notifications?validationToken=${percentEncoded(validationToken)}`));
          // Node refuses a URL beyond its header limit (431) before the app sees it; what the app echoes is plain text.
          if (answer.status === 200) {
            expect(answer.headers.get('content-type') ?? '').toMatch(/^text\/plain/);
            expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
