import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { seedFanoutCaseload } from '../../bench/fanout-caseload';
import { startBenchProcess } from '../../bench/harness';
import { systemClock } from '../../src/adapters/system-clock';
import { CHECK_IN_PROMPT_JOB } from '../../src/contracts/jobs.contract';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { MESSAGE_JOB_CONCURRENCY } from '../../src/jobs/job-runner';
import { openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { createStore } from '../../src/store/store';
import { postgresUrl } from '../support/databases';

/** How long a claimed job stays an instance's: a killed instance's cards in hand go to another after this. */
const LEASE_MS = 3_000;
const CARDS = 150;

const describeOnPostgres = postgresUrl ? describe : describe.skip;

/**
 * Three app instances sharing one PostgreSQL database send 150 check-in cards (one to each of 150
 * people in one tenant, so Teams' 50-a-second tenant limit is what binds): one instance is killed
 * outright (SIGKILL) part-way and another started. Teams' limits are shared through the database,
 * so the throttling connector stand-in answers no 429; every card arrives; a card is sent twice only
 * when Teams took it from the killed instance before that instance marked its job done — at most
 * the cards one instance holds in hand (docs/operations.md, "More than one instance").
 */
describeOnPostgres('several instances on one PostgreSQL database', () => {
  const name = `multi_${randomBytes(4).toString('hex')}`;
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  });

  afterAll(async () => {
    for (const child of processes) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const admin = new Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  test('share Teams’ limits (no 429), deliver every card across an instance killed mid-way, and double only cards that instance had in hand', async () => {
    const connector = await startBenchProcess('teams-connector.ts', ['100']);
    processes.push(connector.child);
    const database = openDatabase({ url: url.toString() });
    try {
      await migrateToLatest(database);
      const store = createStore(database);
      const coreGroupIds = await seedFanoutCaseload({ store, clock: systemClock, calendar: loadWorkingDayCalendars()['england-and-wales'], serviceUrl: connector.url });
      const people = new Map<string, { coreGroupId: string; memberId: string; aadObjectId: string; tenantId: string }>();
      for (const coreGroupId of coreGroupIds) {
        const group = (await store.coreGroups.findById(coreGroupId))!;
        for (const member of await store.coreGroups.members(coreGroupId)) if (member.aadObjectId && !people.has(member.aadObjectId)) people.set(member.aadObjectId, { coreGroupId, memberId: member.id, aadObjectId: member.aadObjectId, tenantId: group.tenantId });
      }
      const now = systemClock.nowIso();
      const promptIds: string[] = [];
      for (const person of [...people.values()].slice(0, CARDS)) {
        const promptId = randomUUID();
        promptIds.push(promptId);
        await store.jobs.enqueue({ id: randomUUID(), kind: CHECK_IN_PROMPT_JOB, payload: { ...person, promptId, promptedAt: now }, runAt: now, idempotencyKey: `multi-instance:${promptId}`, at: now });
      }
      expect(promptIds).toHaveLength(CARDS);

      const start = async () => {
        const instance = await startBenchProcess('fanout-instance.ts', [url.toString(), String(LEASE_MS)]);
        processes.push(instance.child);
        return instance.child;
      };
      const records = async () => (await (await fetch(`${connector.url}records`)).json()) as { recorded: string[]; throttled: number };
      const [doomed] = await Promise.all([start(), start(), start()]);
      for (let waited = 0; waited < 30_000 && (await records()).recorded.length < 50; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      doomed!.kill('SIGKILL');
      await start();

      const prompts = database.db.selectFrom('jobs').where('kind', '=', CHECK_IN_PROMPT_JOB);
      const notDone = async () => Number((await prompts.select((eb) => eb.fn.countAll<number | string>().as('count')).where('status', '!=', 'done').executeTakeFirstOrThrow()).count);
      for (let waited = 0; waited < 60_000 && (await notDone()) > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await notDone()).toBe(0);

      const { recorded, throttled } = await records();
      const distinct = new Set(recorded);
      expect({ throttled, lost: promptIds.filter((id) => !distinct.has(id)).length }).toEqual({ throttled: 0, lost: 0 });
      expect(recorded.length - distinct.size).toBeLessThanOrEqual(MESSAGE_JOB_CONCURRENCY);
    } finally {
      await database.close();
    }
  }, 120_000);
});
