import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..');
const LOCAL_MODE_DIR = join(ROOT, 'src', 'local') + sep;
const postgresUrl = process.env.POSTGRES_TEST_URL;

/** What a service run from `src/main.ts` loaded, and what it answered while up. */
interface Run {
  readonly exitCode: number | null;
  /** Every module of this repository it loaded (src/, bot/), as paths from the root. */
  readonly modules: readonly string[];
  readonly devUsersStatus: number;
}

/**
 * Starts the real entry point, `src/main.ts`, in a child process with only the given environment
 * and the module probe preloaded; once it logs that it listens, asks it for the dev sign-in's
 * users, stops it with SIGTERM and reads which modules it had loaded.
 */
async function runService(env: Record<string, string>): Promise<Run> {
  const modulesFile = join(mkdtempSync(join(tmpdir(), 'coregroup-modules-')), 'modules.json');
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', '--require', join(ROOT, 'test', 'support', 'loaded-modules.js'), 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', HOST: '127.0.0.1', PORT: '0', LOADED_MODULES_FILE: modulesFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.includes('core group service listening'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`the service did not start within a minute:\n${output}`)), 60_000).unref();
  });
  let devUsersStatus: number;
  try {
    devUsersStatus = (await fetch(`${await listening}/api/dev/users`)).status;
  } finally {
    child.kill('SIGTERM');
  }
  const exitCode = await exited;
  const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
  const modules = loaded.filter((path) => !path.includes(`${sep}node_modules${sep}`) && path.startsWith(ROOT)).map((path) => path.slice(ROOT.length + 1));
  return { exitCode, modules, devUsersStatus };
}

const isLocalMode = (path: string) => join(ROOT, path).startsWith(LOCAL_MODE_DIR);

(postgresUrl ? describe : describe.skip)('production mode, the service started from its entry point in its own process', () => {
  const database = `coregroup_production_${randomBytes(4).toString('hex')}`;
  const admin = () => new Client({ connectionString: postgresUrl });
  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await client.end();
  });

  test('never loads src/local: no Graph simulator, demo data, dev sign-in or Playground launcher', async () => {
    const databaseUrl = new URL(postgresUrl!);
    databaseUrl.pathname = `/${database}`;
    const tenant = '11111111-2222-4333-8444-555555555555';
    const run = await runService({
      CORE_GROUP_MODE: 'production',
      MICROSOFT_APP_ID: '99999999-8888-4777-8666-555555555555',
      MICROSOFT_APP_TENANT_ID: tenant,
      MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      ALLOWED_TENANT_IDS: tenant,
      DATABASE_URL: databaseUrl.toString(),
      TEAMS_APP_ID: '22222222-3333-4444-8555-666666666666',
      PUBLIC_BASE_URL: 'https://coregroup.council.example',
    });
    expect(run.exitCode).toBe(0);
    expect(run.modules).toEqual(expect.arrayContaining([join('src', 'main.ts'), join('src', 'graph', 'graph-wiring.ts'), join('src', 'server', 'tab-auth.ts')]));
    expect(run.modules.filter(isLocalMode)).toEqual([]);
    expect(run.devUsersStatus).toBe(404);
  }, 90_000);
});

test('the same probe sees local mode load src/local, so an empty list above means something', async () => {
  const run = await runService({ CORE_GROUP_MODE: 'local', PLAYGROUND: 'off', GRAPH_SIMULATOR_PORT: '0', SQLITE_FILE: join(mkdtempSync(join(tmpdir(), 'coregroup-local-')), 'local.db') });
  expect(run.exitCode).toBe(0);
  expect(run.modules.filter(isLocalMode)).toEqual(expect.arrayContaining([join('src', 'local', 'local-mode.ts'), join('src', 'local', 'graph-simulator', 'graph-simulator.server.ts')]));
  expect(run.devUsersStatus).toBe(200);
}, 90_000);
