import { randomUUID } from 'node:crypto';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { attack } from './support/attack';
import { CHANNEL_TOKEN, type EdgeApp, MEMBER_TOKEN, startEdgeApp } from './support/edge-app';
import { type RawAnswer, jsonOf, sendRaw } from './support/raw-http';

/** Personal-looking text in every hostile body: it must never come back, nor reach a log line. */
const MARKER = 'MARKER-Jordan-lives-at-12-Acacia-Avenue';
const KB = 1024;

/** A Teams activity as the channel sends one, padded with text to a given size. */
const activity = (text: string) => ({ type: 'message', serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:1' }, text });

/** Each route that reads a body, with what it takes and the most it reads. */
const ROUTES = [
  { name: 'PATCH /api/meetings/:id/minutes', method: 'PATCH', path: `/api/meetings/${randomUUID()}/minutes`, auth: `Bearer ${MEMBER_TOKEN}`, limitKb: 256, valid: (text: string) => ({ baseVersion: 1, section: 'childsVoice', value: text }) },
  { name: 'POST /api/meetings/:id/minutes/sign-off', method: 'POST', path: `/api/meetings/${randomUUID()}/minutes/sign-off`, auth: `Bearer ${MEMBER_TOKEN}`, limitKb: 32, valid: (text: string) => ({ as: 'chair', note: text }) },
  { name: 'POST /api/dev/sign-in', method: 'POST', path: '/api/dev/sign-in', auth: undefined, limitKb: 4, valid: (text: string) => ({ aadObjectId: demoObjectId('lead'), note: text }) },
  { name: 'POST /api/messages', method: 'POST', path: '/api/messages', auth: `Bearer ${CHANNEL_TOKEN}`, limitKb: 256, valid: activity },
  { name: 'POST /api/graph/notifications', method: 'POST', path: '/api/graph/notifications', auth: undefined, limitKb: 1024, valid: (text: string) => ({ value: (text.match(/[^]{1,1000}/g) ?? []).map((clientState, index) => ({ subscriptionId: `s-${index}`, clientState })) }) },
] as const;
type Route = (typeof ROUTES)[number];

/** Bodies that are not what any route takes; each carries the marker. */
const HOSTILE = [
  { name: 'malformed JSON', type: 'application/json', body: () => Buffer.from(`{"text": "${MARKER}`), status: 400, code: 'invalid-input' },
  { name: 'JSON that is a bare string', type: 'application/json', body: () => Buffer.from(JSON.stringify(MARKER)), status: 400, code: 'invalid-input' },
  { name: 'a 5 MB body', type: 'application/json', body: () => Buffer.from(JSON.stringify({ text: MARKER, padding: 'x'.repeat(5 * KB * KB) })), status: 413, code: 'payload-too-large' },
  { name: 'charset=utf-16', type: 'application/json; charset=utf-16', body: () => Buffer.from(JSON.stringify({ text: MARKER }), 'utf16le'), status: 415, code: 'unsupported-media-type' },
  { name: 'charset=iso-8859-1', type: 'application/json; charset=iso-8859-1', body: () => Buffer.from(JSON.stringify({ text: MARKER }), 'latin1'), status: 415, code: 'unsupported-media-type' },
  { name: 'JSON sent as text/plain', type: 'text/plain', body: () => Buffer.from(JSON.stringify({ text: MARKER })), status: 415, code: 'unsupported-media-type' },
  { name: 'a form post', type: 'application/x-www-form-urlencoded', body: () => Buffer.from(`text=${MARKER}`), status: 415, code: 'unsupported-media-type' },
] as const;

describe('F7: bodies at the HTTP edge', () => {
  let app: EdgeApp;
  beforeAll(async () => {
    app = await startEdgeApp({ exposure: 'public' });
  });
  afterAll(() => app.stop());
  beforeEach(() => {
    app.logLines.splice(0);
    app.adapterCalls.splice(0);
    app.notificationBatches.splice(0);
  });

  /** `auth` '' sends no Authorization header. */
  const send = (route: Route, body: Buffer | string, type: string, auth: string | undefined = route.auth) =>
    sendRaw(app.url, { method: route.method, path: route.path, headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) }, body });

  /** Refused with exactly this status and code, nothing of the body echoed, logged or handed on. */
  const expectRefused = (answer: RawAnswer, status: number, code: string) => {
    expect({ status: answer.status, body: jsonOf(answer) }).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
    expect(answer.text).not.toContain(MARKER);
    expect(app.logLines.filter((line) => line.includes(MARKER))).toEqual([]);
    expect(app.logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    expect([app.adapterCalls, app.notificationBatches]).toEqual([[], []]);
  };

  for (const route of ROUTES) {
    for (const hostile of HOSTILE) {
      attack(`F7 ${hostile.name} on ${route.name} is a ${hostile.status} ${hostile.code}, and none of it is logged`, async () => {
        expectRefused(await send(route, hostile.body(), hostile.type), hostile.status, hostile.code);
      });
    }

    attack(`F7 a body just over ${route.name}'s limit (${route.limitKb} KB) is a 413, read no further`, async () => {
      const body = JSON.stringify(route.valid(MARKER + 'x'.repeat(route.limitKb * KB)));
      expectRefused(await send(route, body, 'application/json'), 413, 'payload-too-large');
    });

    test(`a body just under ${route.name}'s limit, in JSON and UTF-8, gets past the edge`, async () => {
      const body = JSON.stringify(route.valid('é'.repeat(Math.floor((route.limitKb * KB * 0.9) / 2))));
      const answer = await send(route, body, 'application/json; charset=UTF-8');
      expect([400, 413, 415]).not.toContain(answer.status);
      expect(app.logLines.filter((line) => line.includes('éééé'))).toEqual([]);
    });
  }

  attack('F7 POST /api/messages without an Authorization header is a 401 before its 5 MB body is read; the adapter never sees it', async () => {
    const route = ROUTES[3];
    expectRefused(await send(route, JSON.stringify(activity(MARKER + 'x'.repeat(5 * KB * KB))), 'application/json', ''), 401, 'unauthorized');
  });

  for (const [shape, header] of [
    ['Basic credentials', 'Basic dXNlcjpwYXNzd29yZA=='],
    ['an empty Bearer', 'Bearer '],
    ['a Bearer that is no token', `Bearer <${MARKER}>`],
  ] as const) {
    attack(`F7 POST /api/messages with ${shape} in Authorization is a 401 before the body is read`, async () => {
      expectRefused(await send(ROUTES[3], JSON.stringify(activity(MARKER)), 'application/json', header), 401, 'unauthorized');
    });
  }

  attack('F7 a flood of 900 KB bodies on the unauthenticated endpoints grows the log by a few short lines, none with the body', async () => {
    const malformed = `{"text": "${MARKER}${'x'.repeat(900 * KB)}`;
    const flood: [string, Record<string, string>][] = [
      ['/api/messages', {}],
      ['/api/messages', { authorization: `Bearer ${CHANNEL_TOKEN}` }],
      ['/api/graph/notifications', {}],
    ];
    for (const [path, headers] of flood) {
      for (let round = 0; round < 2; round++) {
        const answer = await sendRaw(app.url, { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers }, body: malformed });
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(answer.status).toBeLessThan(500);
      }
    }
    const grown = app.logLines.reduce((bytes, line) => bytes + Buffer.byteLength(line), 0);
    expect(grown).toBeLessThan(flood.length * 2 * 400);
    expect(app.logLines.filter((line) => line.includes(MARKER))).toEqual([]);
  });

  attack('F7 a path that does not decode (GET /api/meetings/%E0%A4%A…/minutes) is a 400 with a code, and the path is not logged', async () => {
    const answer = await sendRaw(app.url, { method: 'GET', path: `/api/meetings/%E0%A4%A${MARKER}/minutes`, headers: { authorization: `Bearer ${MEMBER_TOKEN}` } });
    expectRefused(answer, 400, 'invalid-input');
  });

  test('the log capture sees what the edge logs of a refusal: its code, so that "nothing of it logged" above means something', async () => {
    await send(ROUTES[4], `{"text": "${MARKER}`, 'application/json');
    expect(app.logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([expect.objectContaining({ level: 30, code: 'invalid-input', msg: 'HTTP request failed' })]);
  });

  test('Graph’s validation handshake is answered before any body is read', async () => {
    const answer = await sendRaw(app.url, { method: 'POST', path: '/api/graph/notifications?validationToken=abc-123', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' });
    expect([answer.status, answer.headers['content-type'], answer.text]).toEqual([200, 'text/plain; charset=utf-8', 'abc-123']);
  });

  test('an authorised activity in JSON reaches the adapter, with its token', async () => {
    const answer = await send(ROUTES[3], JSON.stringify(activity('hello')), 'application/json; charset=utf-8');
    expect(answer.status).toBe(200);
    expect(app.adapterCalls).toEqual([`Bearer ${CHANNEL_TOKEN}`]);
  });
});
