import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/browser';

const ROOT = join(__dirname, '..', '..');

/** The app on its embedded SQLite file: the test run's DATABASE_URL (PostgreSQL for the store suite) is not the app's. */
const withoutDatabaseUrl = ({ DATABASE_URL: _postgres, ...env }: NodeJS.ProcessEnv) => env;

/** `npm start` as one Node process (the Playground off: the Playground test drives that). */
function start(env: Record<string, string>, args: string[] = []): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts', ...args], { cwd: ROOT, env: { ...withoutDatabaseUrl(process.env), CORE_GROUP_MODE: 'local', PLAYGROUND: 'off', GRAPH_SIMULATOR_PORT: '0', LOG_LEVEL: 'info', ...env } });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { child, output: () => text, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

async function waitFor(check: () => boolean, ms = 30_000): Promise<void> {
  for (let waited = 0; waited < ms && !check(); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!check()) throw new Error('timed out');
}

describe('the local stack as npm start runs it', () => {
  test('prints where to go; a second start on the same port says so; Ctrl-C stops it cleanly; --reset starts a fresh demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coregroup-stack-'));
    const env = { PORT: String(await freePort()), SQLITE_FILE: join(dir, 'demo.db') };
    const first = start(env);
    await waitFor(() => first.output().includes('Core Group is running locally'));
    expect(first.output()).toMatch(/Minutes tab: http:\/\/127\.0\.0\.1:\d+\/tab\/minutes/);
    expect(first.output()).toContain('/coregroup status');

    const second = start(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('already in use: is Core Group already running?');

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    writeFileSync(env.SQLITE_FILE, 'not a database');
    const reset = start(env, ['--reset']);
    await waitFor(() => reset.output().includes('Core Group is running locally'));
    expect(reset.output()).toContain('starting from a fresh demo');
    reset.child.kill('SIGTERM');
    expect(await reset.exited).toBe(0);
  }, 90_000);
});
