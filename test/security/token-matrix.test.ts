import { SignJWT } from 'jose';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { changesBetween, DEMO_CHAT_ID, disclosed, OUTSIDE_TENANT_ID, PARTNER_TENANT_ID, type SecuredStack, startSecuredStack, TAB_AUDIENCE } from './support/secured-stack';
import { PRODUCTION_TAB_ROUTES } from './support/tab-routes';

/**
 * The token matrix: every route of the tab API, and the bot endpoint for each kind of activity,
 * called with each way a token can be wrong. Each must be a 401 that says nothing more, and
 * change nothing.
 */
let stack: SecuredStack;
beforeAll(async () => {
  stack = await startSecuredStack();
});
afterAll(() => stack.stop());

const now = () => Math.floor(Date.now() / 1000);
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Each way a tab token can be wrong, and how to make it. */
const TAB_TOKENS: readonly [string, () => Promise<string | undefined>][] = [
  ['no token', async () => undefined],
  ['a malformed token', async () => 'not-a-jwt'],
  ['an unsigned token (alg: none)', async () => `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: `https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`, aud: TAB_AUDIENCE, tid: DEMO_TENANT_ID, oid: '00000000-0000-4000-8000-6c6561640000', scp: 'access_as_user', exp: now() + 600 })}.`],
  [
    'an HS256 token keyed with the published public key',
    async () =>
      new SignJWT({ tid: DEMO_TENANT_ID, oid: '00000000-0000-4000-8000-6c6561640000', scp: 'access_as_user' })
        .setProtectedHeader({ alg: 'HS256', kid: 'entra' })
        .setIssuer(`https://login.microsoftonline.com/${DEMO_TENANT_ID}/v2.0`)
        .setAudience(TAB_AUDIENCE)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(stack.entraPublicKeyPem)),
  ],
  ['a token signed with an unpublished key', async () => stack.tabToken({ key: 'stranger' })],
  ['an expired token', async () => stack.tabToken({ expiresAt: now() - 3600 })],
  ['a token not yet valid', async () => stack.tabToken({ notBefore: now() + 3600 })],
  ['a token for another audience', async () => stack.tabToken({ audience: 'api://elsewhere.example/app' })],
  ['a token from another issuer', async () => stack.tabToken({ issuer: 'https://evil.example/v2.0' })],
  ['a token whose issuer is another tenant', async () => stack.tabToken({ tid: DEMO_TENANT_ID, issuer: `https://login.microsoftonline.com/${PARTNER_TENANT_ID}/v2.0` })],
  ['a token from a tenant not on the allow-list', async () => stack.tabToken({ tid: OUTSIDE_TENANT_ID })],
  ['a token without the access_as_user scope', async () => stack.tabToken({ scp: 'User.Read' })],
  ['a token without an oid', async () => stack.tabToken({ oid: null })],
  ['a token without a tid', async () => stack.tabToken({ tid: null })],
];

describe('the tab API refuses every bad token on every route', () => {
  for (const route of PRODUCTION_TAB_ROUTES) {
    for (const [name, token] of TAB_TOKENS) {
      attack(`tab token: ${name} on ${route.key} is a 401 that discloses and changes nothing`, async () => {
        const target = { meetingId: stack.meetingId, contributionId: 'activity-any', coreGroupId: stack.coreGroupId, chatId: DEMO_CHAT_ID, institutionTaskId: '00000000-0000-4000-8000-000000000000', concernId: '00000000-0000-4000-8000-000000000000', reviewConferenceId: '00000000-0000-4000-8000-000000000000', agencyReportId: '00000000-0000-4000-8000-000000000000', filedDocumentId: '00000000-0000-4000-8000-000000000000', filedAttachmentId: '00000000-0000-4000-8000-000000000000' };
        const before = await stack.snapshot();
        const answer = await stack.call(route.method, route.path(target), { token: await token(), body: route.body });
        expect({ status: answer.status, body: answer.json }).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: expect.any(String) } } });
        expect(answer.headers.get('www-authenticate')).toBe('Bearer');
        expect(disclosed(answer.text)).toEqual([]);
        expect(changesBetween(before, await stack.snapshot())).toEqual([]);
      });
    }
  }
});

/** Each way a channel token can be wrong. */
const BOT_TOKENS: readonly [string, () => Promise<string | null>][] = [
  ['no token', async () => null],
  ['a malformed token', async () => 'not-a-jwt'],
  ['an unsigned token (alg: none)', async () => stack.channel.unsignedToken()],
  ['a token signed with an unpublished key', async () => stack.channel.token({ signWithStranger: true })],
  ['a token signed with a key endorsed for another channel only', async () => stack.channel.token({ signWithOtherChannelKey: true })],
  ['a token for another app id', async () => stack.channel.token({ audience: '44444444-5555-4666-8777-888888888888' })],
  ['a token from another issuer', async () => stack.channel.token({ issuer: 'https://evil.example' })],
  ['an expired token', async () => stack.channel.token({ expiresIn: now() - 3600, notBefore: now() - 7200 })],
  ['a token not yet valid', async () => stack.channel.token({ notBefore: now() + 3600, expiresIn: now() + 7200 })],
  ['a token whose serviceurl claim is another connector', async () => stack.channel.token({ serviceUrl: 'https://evil.example/' })],
];

/** The kinds of activity the bot acts on, each of which would change or send something if let in. */
const ACTIVITIES: readonly [string, () => object][] = [
  ['a command in a 1:1 chat', () => stack.activity('health', { text: '/coregroup tasks' })],
  [
    'a check-in card action',
    () => stack.activity('health', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId: stack.coreGroupId, actionId: 'action-visits', status: 'done', promptId: '5b1d0c8e-0000-4000-8000-00000000aa01' } } } }),
  ],
  ['a meeting-start event', () => stack.meetingEvent(DEMO_CHAT_ID, 'start')],
];

describe('the bot endpoint refuses every bad channel token', () => {
  // botframework-connector reports each refused token on console.error (key ids, expiry; no activity content).
  let quiet: jest.SpyInstance;
  beforeAll(() => {
    quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => quiet.mockRestore());
  for (const [activityName, activity] of ACTIVITIES) {
    for (const [name, token] of BOT_TOKENS) {
      attack(`bot token: ${name} with ${activityName} is a 401; nothing is sent, recorded or queued`, async () => {
        const before = await stack.snapshot();
        const sent = stack.channel.sent.length;
        const answer = await stack.postActivity(activity(), await token());
        expect({ status: answer.status, body: answer.json }).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: expect.any(String) } } });
        expect(stack.channel.sent.length).toBe(sent);
        expect(changesBetween(before, await stack.snapshot())).toEqual([]);
      });
    }
  }
});

test('control: the same requests with valid tokens are let through (so each refusal above is about the token)', async () => {
  const answer = await stack.call('GET', `/api/meetings/${stack.meetingId}/minutes`, { token: await stack.as('health') });
  expect(answer.status).toBe(200);
  const sent = stack.channel.sent.length;
  expect((await stack.postActivity(ACTIVITIES[0]![1]())).status).toBe(200);
  expect(stack.channel.sent.length).toBe(sent + 1);
});
