import { randomBytes, randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { FANOUT_TENANT_ID, seedFanoutCaseload } from '../../bench/fanout-caseload';
import { startBenchProcess } from '../../bench/harness';
import { systemClock } from '../../src/adapters/system-clock';
import { CHECK_IN_PROMPT_JOB } from '../../src/contracts/jobs.contract';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { MESSAGE_JOB_CONCURRENCY } from '../../src/jobs/job-runner';
import { seedDemoCaseload } from '../../src/local/local-mode';
import { DEMO_TENANT_ID } from '../../src/local/demo/demo-core-group.seed';
import { openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { createStore } from '../../src/store/store';
import { postgresUrl } from '../support/databases';
import { startRoundRobinProxy } from '../support/round-robin-proxy';
import { teamsActivity } from '../support/bot-channel';

/** How long a claimed job stays an instance's: a killed instance's cards in hand go to another after this. */
const LEASE_MS = 3_000;
const CARDS = 150;
/** Members who press their check-in card's button while the cards go out, through the load balancer. */
const ANSWERS = 60;
/** Teams delivers an invoke again when it did not hear back in time; every third answer here arrives twice. */
const SENT_TWICE_EVERY = 3;

const describeOnPostgres = postgresUrl ? describe : describe.skip;

/**
 * Three instances of the whole app (`bench/app-instance.ts`: `startService` in its own process) on
 * one PostgreSQL database, behind a round-robin load balancer on loopback, send 150 check-in cards
 * (one to each of 150 people in one tenant, so Teams' 50-a-second tenant limit is what binds) to
 * the throttling connector stand-in, while 60 of those people press their card's button — their
 * invokes going through the load balancer to whichever instance is next. One instance is killed
 * outright (SIGKILL) part-way and another started and joined to the rotation; the dead one stays in
 * it, as it would until health checks take it out, so requests sent its way fail with a 502 and
 * are sent again, as Teams does. Teams' limits are shared through the database, so the connector
 * answers no 429; every card arrives; a card is sent twice only when Teams took it from the killed
 * instance before that instance marked its job done — at most the cards one instance holds in hand
 * (docs/operations.md, "More than one instance"); every answer is recorded exactly once, however
 * many times it arrived and at whichever instance.
 */
describeOnPostgres('several instances of the app on one PostgreSQL database, behind a load balancer', () => {
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

  test('share Teams’ limits (no 429), deliver every card across an instance killed mid-way, double only cards that instance had in hand, and record every answer once', async () => {
    const connector = await startBenchProcess('teams-connector.ts', ['100']);
    processes.push(connector.child);
    const database = openDatabase({ url: url.toString() });
    const proxy = await startRoundRobinProxy([]);
    try {
      await migrateToLatest(database);
      const store = createStore(database);
      const calendar = loadWorkingDayCalendars()['england-and-wales'];
      await seedDemoCaseload({ ...store, clock: systemClock, calendar });
      const coreGroupIds = await seedFanoutCaseload({ store, clock: systemClock, calendar, serviceUrl: connector.url });
      const people = new Map<string, { coreGroupId: string; memberId: string; aadObjectId: string; tenantId: string; actionId: string }>();
      for (const coreGroupId of coreGroupIds) {
        const plan = (await store.plans.current(coreGroupId))!;
        for (const member of await store.coreGroups.members(coreGroupId)) {
          const actionId = plan.actions.find((action) => action.ownerMemberId === member.id)!.id;
          if (member.aadObjectId && !people.has(member.aadObjectId)) people.set(member.aadObjectId, { coreGroupId, memberId: member.id, aadObjectId: member.aadObjectId, tenantId: FANOUT_TENANT_ID, actionId });
        }
      }
      const now = systemClock.nowIso();
      const prompts = [...people.values()].slice(0, CARDS).map((person) => ({ ...person, promptId: randomUUID() }));
      for (const { actionId: _actionId, ...prompt } of prompts) {
        await store.jobs.enqueue({ id: randomUUID(), kind: CHECK_IN_PROMPT_JOB, payload: { ...prompt, promptedAt: now }, runAt: now, idempotencyKey: `multi-instance:${prompt.promptId}`, at: now });
      }
      expect(prompts).toHaveLength(CARDS);

      const start = async () => {
        const instance = await startBenchProcess('app-instance.ts', [url.toString(), String(LEASE_MS), `${DEMO_TENANT_ID},${FANOUT_TENANT_ID}`]);
        processes.push(instance.child);
        proxy.join(instance.url);
        return instance.child;
      };
      const records = async () => (await (await fetch(`${connector.url}records`)).json()) as { recorded: string[]; throttled: number };

      /** A member presses their card's "On track": sent through the load balancer until an instance answers 200, as Teams retries. */
      const press = async (answer: (typeof prompts)[number], times: number) => {
        const activity = teamsActivity({
          serviceUrl: connector.url,
          tenantId: FANOUT_TENANT_ID,
          aadObjectId: answer.aadObjectId,
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: 'check-in', data: { coreGroupId: answer.coreGroupId, actionId: answer.actionId, status: 'on-track', promptId: answer.promptId } }, trigger: 'manual' },
        });
        for (let delivered = 0, tries = 0; delivered < times; tries++) {
          if (tries > 20) throw new Error('no instance answered the invoke');
          const response = await fetch(`${proxy.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
          await response.arrayBuffer();
          if (response.status === 200) delivered++;
          else await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };

      const [doomed] = await Promise.all([start(), start(), start()]);
      const answers = prompts.slice(0, ANSWERS);
      const pressing = (async () => {
        for (const [index, answer] of answers.entries()) {
          await press(answer, index % SENT_TWICE_EVERY === 0 ? 2 : 1);
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
      })();
      for (let waited = 0; waited < 30_000 && (await records()).recorded.length < 50; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      doomed!.kill('SIGKILL');
      await start();
      await pressing;

      const promptJobs = database.db.selectFrom('jobs').where('kind', '=', CHECK_IN_PROMPT_JOB).where('idempotency_key', 'like', 'multi-instance:%');
      const notDone = async () => Number((await promptJobs.select((eb) => eb.fn.countAll<number | string>().as('count')).where('status', '!=', 'done').executeTakeFirstOrThrow()).count);
      for (let waited = 0; waited < 60_000 && (await notDone()) > 0; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await notDone()).toBe(0);

      const { recorded, throttled } = await records();
      const distinct = new Set(recorded);
      expect({ throttled, lost: prompts.filter(({ promptId }) => !distinct.has(promptId)).length }).toEqual({ throttled: 0, lost: 0 });
      expect(recorded.filter((id) => prompts.some(({ promptId }) => promptId === id)).length - prompts.length).toBeLessThanOrEqual(MESSAGE_JOB_CONCURRENCY);

      const checkIns = await database.db.selectFrom('check_ins').select(['member_id', 'action_id']).where('core_group_id', 'in', coreGroupIds).execute();
      expect(checkIns.map((row) => `${row.member_id}:${row.action_id}`).sort()).toEqual(answers.map((answer) => `${answer.memberId}:${answer.actionId}`).sort());
      // Every instance took requests, and some met the dead one and were sent again.
      expect([...proxy.served().values()].filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
      expect(proxy.badGateways()).toBeGreaterThan(0);
    } finally {
      await proxy.close();
      await database.close();
    }
  }, 240_000);
});
