import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { CHECK_IN_PROMPT_JOB } from '../../src/contracts/jobs.contract';
import { DEMO_TENANT_ID, seedDemoCoreGroup } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { createStore } from '../../src/store/store';

const ROOT = join(__dirname, '..', '..');

/** The app on its embedded SQLite file: the test run's DATABASE_URL (PostgreSQL for the store suite) is not the app's. */
const withoutDatabaseUrl = ({ DATABASE_URL: _postgres, ...env }: NodeJS.ProcessEnv) => env;
const LEASE_MS = 1_500;

/**
 * A Bot Connector stand-in that records each check-in card by the prompt it carries. It can stop
 * answering after a number of cards — the app, with several cards in flight, is then killed while
 * they wait, and they count as never accepted, as when the connection dies before Teams takes them.
 */
async function recordingConnector() {
  const received = new Map<string, number>();
  let holdAfter = Number.POSITIVE_INFINITY;
  let counted: ReadonlySet<string> = new Set();
  let onHold: (() => void) | undefined;
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const promptId = /"promptId":"([0-9a-f-]{36})"/.exec(body)?.[1];
      const total = [...received].filter(([id]) => counted.has(id)).reduce((sum, [, count]) => sum + count, 0);
      if (promptId && total >= holdAfter) {
        // Teams stops answering: this card and every one after it wait, unrecorded, until the app dies.
        onHold?.();
        onHold = undefined;
        return;
      }
      if (promptId) received.set(promptId, (received.get(promptId) ?? 0) + 1);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received,
    /**
     * From the card after `count` recorded ones among `among` (the app's own demo prompts, due on
     * some mornings, are not counted), holds every card unanswered; resolves when the first is held.
     */
    holdAfter(count: number, among: ReadonlySet<string>) {
      holdAfter = count;
      counted = among;
      return new Promise<void>((resolve) => (onHold = resolve));
    },
    /** Teams answers again (the cards held so far stay unanswered: their sender is gone). */
    resume() {
      holdAfter = Number.POSITIVE_INFINITY;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The app as `npm start` runs it (one Node process, so SIGKILL kills all of it), on a given SQLite file. */
function startApp(sqliteFile: string): ChildProcess {
  return spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...withoutDatabaseUrl(process.env), CORE_GROUP_MODE: 'local', PORT: '0', GRAPH_SIMULATOR_PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent', SQLITE_FILE: sqliteFile, JOB_LEASE_MS: String(LEASE_MS) },
    stdio: 'ignore',
  });
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('check-in cards across a crash', () => {
  test.each([
    ['killed outright (SIGKILL) with cards in flight that Teams has not answered', 'SIGKILL'],
    ['stopped (SIGTERM, as Ctrl-C or a redeploy does)', 'SIGTERM'],
  ] as const)('the app %s in the middle of a batch, then started again, delivers every card exactly once', async (_how, signal) => {
    const connector = await recordingConnector();
    const apps: ChildProcess[] = [];
    // Whatever fails, no app is left running and the connector is closed: an open server would keep jest from exiting.
    try {
      const sqliteFile = join(mkdtempSync(join(tmpdir(), 'coregroup-crash-')), 'app.db');
      const promptIds: string[] = [];
      const database = openDatabase({ sqliteFile });
      try {
        await migrateToLatest(database);
        const store = createStore(database);
        const { coreGroupId } = await seedDemoCoreGroup({ ...store, clock: systemClock, calendar: loadWorkingDayCalendars()['england-and-wales'] });
        const owners = new Set((await store.plans.current(coreGroupId))!.actions.map((action) => action.ownerMemberId));
        const members = (await store.coreGroups.members(coreGroupId)).filter((member) => owners.has(member.id) && member.aadObjectId);
        for (const member of members) {
          await store.conversationReferences.upsert({
            tenantId: DEMO_TENANT_ID,
            key: `user:${member.aadObjectId}`,
            reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `a:${member.aadObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID }, user: { id: `29:${member.aadObjectId}` }, bot: { id: '28:core-group' } },
            at: systemClock.nowIso(),
          });
        }
        const now = systemClock.nowIso();
        for (let index = 0; index < 30; index++) {
          const member = members[index % members.length]!;
          const promptId = randomUUID();
          promptIds.push(promptId);
          const payload = { tenantId: DEMO_TENANT_ID, coreGroupId, memberId: member.id, aadObjectId: member.aadObjectId, promptId, promptedAt: now };
          await store.jobs.enqueue({ id: randomUUID(), kind: CHECK_IN_PROMPT_JOB, payload, runAt: now, idempotencyKey: `crash-test:${promptId}`, at: now });
        }
      } finally {
        await database.close();
      }

      const first = startApp(sqliteFile);
      apps.push(first);
      if (signal === 'SIGKILL') {
        await connector.holdAfter(8, new Set(promptIds));
        // Let the app finish with the cards Teams did answer; the held ones stay in flight.
        await new Promise((resolve) => setTimeout(resolve, 500));
      } else {
        for (let waited = 0; waited < 90_000 && promptIds.filter((id) => connector.received.has(id)).length < 8; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.kill(signal);
      await exited(first);
      connector.resume();
      const beforeRestart = promptIds.filter((id) => connector.received.has(id)).length;
      expect(beforeRestart).toBeGreaterThanOrEqual(8);
      expect(beforeRestart).toBeLessThan(30);

      // Second run: picks up the queued jobs, and a dead instance's claimed ones once its lease has run out.
      const second = startApp(sqliteFile);
      apps.push(second);
      try {
        for (let waited = 0; waited < 90_000 && promptIds.some((id) => !connector.received.has(id)); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
      } finally {
        second.kill('SIGTERM');
        await exited(second);
      }
      expect(promptIds.map((id) => connector.received.get(id) ?? 0)).toEqual(promptIds.map(() => 1));
      expect([...connector.received.values()].every((count) => count === 1)).toBe(true);
    } finally {
      for (const app of apps) if (app.exitCode === null && app.signalCode === null) app.kill('SIGKILL');
      await Promise.all(apps.map(exited));
      await connector.stop();
    }
  }, 240_000);
});
