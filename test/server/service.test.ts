import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../../src/config/config';
import { createHttpApp } from '../../src/server/http-app';
import { createLogger } from '../../src/server/logger';
import { type RunningService, startService } from '../../src/main';
import { openDatabase } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { DEMO_CASELOAD } from '../../src/local/demo/demo-caseload.seed';
import { DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { tabApiContractChecker } from '../support/tab-api-contract';

const silent = createLogger({ level: 'silent' });

describe('the service in local mode', () => {
  let service: RunningService;
  const sqliteFile = join(mkdtempSync(join(tmpdir(), 'coregroup-service-')), 'local.db');
  beforeAll(async () => {
    service = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: sqliteFile }), silent);
  });
  afterAll(() => service.stop());

  test('GET /healthz answers ok with the database reachable, with security headers', async () => {
    const response = await fetch(`${service.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: expect.any(String), database: 'ok' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('listens on loopback only', () => {
    expect(new URL(service.url).hostname).toBe('127.0.0.1');
  });

  test('an unknown path is a JSON 404, not an HTML page', async () => {
    const response = await fetch(`${service.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not-found', message: 'No such endpoint' } });
  });

  test('local mode offers the demo people and signs one in (a stranger is refused); the dev token works on the tab API; every answer fits its contract', async () => {
    const contract = tabApiContractChecker();
    const call = async (method: string, path: string, options: { body?: unknown; token?: string } = {}) => {
      const headers = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}) };
      const response = await fetch(`${service.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
      const body: unknown = await response.json();
      contract.check({ method, url: path, status: response.status, body });
      return { status: response.status, body };
    };
    const { users } = (await call('GET', '/api/dev/users')).body as { users: { aadObjectId: string; name: string }[] };
    expect(users.map((user) => user.aadObjectId)).toContain(demoObjectId('lead'));
    expect((await call('POST', '/api/dev/sign-in', { body: { aadObjectId: '11111111-2222-4333-8444-555555555555' } })).status).toBe(400);
    const signedIn = await call('POST', '/api/dev/sign-in', { body: { aadObjectId: demoObjectId('lead') } });
    expect(signedIn.status).toBe(200);
    const { token } = signedIn.body as { token: string };
    expect(await call('GET', '/api/me', { token })).toMatchObject({ status: 200, body: { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('lead') } });
    expect(contract.unchecked((route) => route.localOnly === true)).toEqual([]);
  });

  test('the demo caseload is seeded once, whatever the number of starts', async () => {
    const again = await startService(loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: sqliteFile }), silent);
    await again.stop();
    const database = openDatabase({ sqliteFile });
    const groups = await createStore(database).coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'));
    await database.close();
    expect(groups.map((group) => group.caseReference).sort()).toEqual([...DEMO_CASELOAD]);
  });
});

test('GET /healthz says 503 when the database does not answer', async () => {
  const app = createHttpApp({ logger: silent, version: 'test', health: { checkDatabase: () => Promise.reject(new Error('connection refused')) } });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  const response = await fetch(`http://127.0.0.1:${port}/healthz`);
  server.close();
  expect(response.status).toBe(503);
  expect(await response.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' });
});

test('production refuses to start without its credentials, naming the variable', async () => {
  const tsx = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const main = join(__dirname, '..', '..', 'src', 'main.ts');
  const result = await promisify(execFile)(process.execPath, [tsx, main], { env: { PATH: process.env.PATH, CORE_GROUP_MODE: 'production', HOST: '0.0.0.0' } }).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
  );
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('refusing to start: MICROSOFT_APP_ID');
});
