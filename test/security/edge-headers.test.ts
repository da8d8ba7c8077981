import { randomUUID } from 'node:crypto';
import { attack } from './support/attack';
import { CHANNEL_TOKEN, type EdgeApp, MEMBER_TOKEN, startEdgeApp } from './support/edge-app';
import { type RawAnswer, sendRaw } from './support/raw-http';

const FOREIGN_ORIGIN = 'https://attacker.example';

/** One answer of each kind the service gives: the tab API, a tab page, errors, the bot endpoint, health, a CORS preflight. */
const TARGETS = [
  { name: 'the tab API (GET /api/me)', method: 'GET', path: '/api/me', headers: { authorization: `Bearer ${MEMBER_TOKEN}` }, status: 200 },
  { name: 'a tab page (GET /tab/minutes)', method: 'GET', path: '/tab/minutes', headers: {}, status: 200 },
  { name: 'the Outlook add-in page (GET /tab/outlook)', method: 'GET', path: '/tab/outlook', headers: {}, status: 200 },
  { name: 'a tab API 401 (no token)', method: 'GET', path: '/api/me', headers: {}, status: 401 },
  { name: 'a tab API 404 (an id that is not there)', method: 'GET', path: `/api/meetings/${randomUUID()}/minutes`, headers: { authorization: `Bearer ${MEMBER_TOKEN}` }, status: 404 },
  { name: 'an unknown endpoint’s 404', method: 'GET', path: '/api/nothing-here', headers: {}, status: 404 },
  { name: 'the bot endpoint (POST /api/messages)', method: 'POST', path: '/api/messages', headers: { authorization: `Bearer ${CHANNEL_TOKEN}`, 'content-type': 'application/json' }, status: 200, body: JSON.stringify({ type: 'message', serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversation: { id: 'a:1' } }) },
  { name: 'the bot endpoint’s 401', method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, status: 401, body: '{}' },
  { name: "a parent's check-in link that does not work (GET /family/check-in/:token)", method: 'GET', path: `/family/check-in/${'A'.repeat(22)}.${'B'.repeat(43)}`, headers: {}, status: 404 },
  { name: 'GET /healthz', method: 'GET', path: '/healthz', headers: {}, status: 200 },
  { name: 'a CORS preflight for PATCH /api/meetings/:id/minutes', method: 'OPTIONS', path: `/api/meetings/${randomUUID()}/minutes`, headers: { 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' }, status: undefined },
] as const;

describe('headers on every answer', () => {
  let app: EdgeApp;
  let local: EdgeApp;
  beforeAll(async () => {
    [app, local] = await Promise.all([startEdgeApp({ exposure: 'public' }), startEdgeApp({ exposure: 'loopback' })]);
  });
  afterAll(() => Promise.all([app.stop(), local.stop()]));

  const fetchFrom = (edge: EdgeApp, target: (typeof TARGETS)[number]): Promise<RawAnswer> =>
    sendRaw(edge.url, { method: target.method, path: target.path, headers: { ...target.headers, origin: FOREIGN_ORIGIN }, ...('body' in target ? { body: target.body } : {}) });

  for (const target of TARGETS) {
    attack(`HSTS and headers: ${target.name}, asked from another origin, says https only, nosniff, no referrer, a CSP no other site may frame, and no CORS header`, async () => {
      const answer = await fetchFrom(app, target);
      if (target.status !== undefined) expect(answer.status).toBe(target.status);
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      // A parent's link page sends its origin at most, never its path (the token): see family-check-in.route.ts.
      expect(answer.headers['referrer-policy']).toBe(target.path.startsWith('/family/') ? 'strict-origin' : 'no-referrer');
      expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(answer.headers['x-powered-by']).toBeUndefined();
      const policy = answer.headers['content-security-policy'] ?? '';
      expect(policy).not.toContain('unsafe-eval');
      if (target.path.startsWith('/tab/')) {
        // A tab page runs only this server's scripts, and only Microsoft's hosts may frame it.
        expect(policy).toContain("script-src 'self'");
        expect(policy).toContain("object-src 'none'");
        expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(policy).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
        expect(policy).not.toMatch(/frame-ancestors[^;]*(\*(?!\.)|http:)/);
      } else if (target.path.startsWith('/family/')) {
        // A parent's check-in page: its one inline style by hash, no script, posts only here, framed by nobody.
        expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
        expect(answer.headers['cache-control']).toBe('no-store');
      } else {
        expect(policy).toBe("default-src 'none'; frame-ancestors 'none'");
      }
    });
  }

  test('local mode, over http on loopback, sends no HSTS (it would pin localhost to https) and keeps the other headers', async () => {
    const answer = await sendRaw(local.url, { method: 'GET', path: '/healthz' });
    expect([answer.status, answer.headers['strict-transport-security'], answer.headers['x-content-type-options']]).toEqual([200, undefined, 'nosniff']);
  });
});
