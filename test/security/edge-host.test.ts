import { mkdtempSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config';
import { demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { attack } from './support/attack';
import { type RawAnswer, jsonOf, sendRaw } from './support/raw-http';

/** The service as `npm start` runs it: local mode, on loopback, with the dev sign-in and a bot that takes no token. */
describe('F9: local mode answers only requests that name loopback', () => {
  let service: RunningService;
  let port: string;
  beforeAll(async () => {
    service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'coregroup-host-')), 'local.db') }), createLogger({ level: 'silent' }));
    port = new URL(service.url).port;
  });
  afterAll(() => service.stop());

  const signIn = (headers: Record<string, string>, host?: string) =>
    sendRaw(service.url, { method: 'POST', path: '/api/dev/sign-in', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ aadObjectId: demoObjectId('lead') }), host });
  const expectRefused = (answer: RawAnswer, status: number, code: string) => {
    expect({ status: answer.status, body: jsonOf(answer) }).toEqual({ status, body: { error: { code, message: expect.any(String) } } });
    expect(answer.text).not.toMatch(/token|Priya|DEMO-0001/);
  };

  for (const host of ['attacker.example', 'attacker.example:PORT', '127.0.0.1.attacker.example:PORT', 'localhost.attacker.example:PORT', '10.0.0.5:PORT']) {
    attack(`F9 POST /api/dev/sign-in with Host: ${host} (DNS rebinding) is a 421 and issues no token`, async () => {
      expectRefused(await signIn({}, host.replace('PORT', port)), 421, 'misdirected-request');
    });
  }

  attack('F9 POST /api/dev/sign-in over HTTP/1.0 with no Host header (which Node lets through) is a 421 and issues no token', async () => {
    const body = JSON.stringify({ aadObjectId: demoObjectId('lead') });
    const socket = createConnection({ host: '127.0.0.1', port: Number(port) });
    socket.end(`POST /api/dev/sign-in HTTP/1.0\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const reply = (await socket.toArray()).join('');
    const [head = '', text = ''] = reply.split('\r\n\r\n');
    expectRefused({ status: Number(head.split(' ')[1]), headers: {}, text }, 421, 'misdirected-request');
  });

  for (const [what, path, method] of [
    ['the demo people (GET /api/dev/users)', '/api/dev/users', 'GET'],
    ['a tab page (GET /tab/minutes)', '/tab/minutes', 'GET'],
    ['the bot endpoint, which takes no token locally (POST /api/messages)', '/api/messages', 'POST'],
    ['GET /healthz', '/healthz', 'GET'],
  ] as const) {
    attack(`F9 ${what} with a rebound Host (attacker.example) is a 421`, async () => {
      const body = method === 'POST' ? JSON.stringify({ type: 'message', serviceUrl: 'http://attacker.example/', channelId: 'msteams', conversation: { id: 'a:1' }, text: '/coregroup status' }) : undefined;
      const answer = await sendRaw(service.url, { method, path, headers: { 'content-type': 'application/json' }, host: `attacker.example:${port}`, ...(body ? { body } : {}) });
      expectRefused(answer, 421, 'misdirected-request');
    });
  }

  for (const origin of ['https://attacker.example', `http://attacker.example:${'PORT'}`, 'null', 'http://127.0.0.1.attacker.example']) {
    attack(`F9 POST /api/dev/sign-in from another site's page (Origin: ${origin}) is a 403 and issues no token`, async () => {
      expectRefused(await signIn({ origin: origin.replace('PORT', port) }), 403, 'foreign-origin');
    });
  }

  test.each(['127.0.0.1:PORT', 'localhost:PORT', '[::1]:PORT', 'localhost'])('Host: %s signs in, from a loopback page or no page', async (host) => {
    const withHost = host.replace('PORT', port);
    const origins: Record<string, string>[] = [{}, { origin: `http://${withHost}` }, { origin: 'http://127.0.0.1:5173' }];
    for (const headers of origins) {
      const answer = await signIn(headers, withHost);
      expect(answer.status).toBe(200);
      expect(jsonOf(answer)).toEqual({ token: expect.any(String) });
    }
  });
});
