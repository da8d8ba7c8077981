import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBotAdapter } from '../bot/bot-adapter';
import { createTeamsNotifier } from '../bot/teams-notifier';
import { londonDateOf } from '../src/domain/civil-date';
import { systemClock } from '../src/adapters/system-clock';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { MESSAGE_JOB_CONCURRENCY, createJobRunner } from '../src/jobs/job-runner';
import { messageJobHandlers } from '../src/jobs/job-handlers';
import { recipientOfJob } from '../src/jobs/job-recipient';
import { createRateLimiter } from '../src/jobs/rate-limiter';
import { loadPolicyCatalogue } from '../src/policies/policy-catalogue';
import { createCaseStatusService } from '../src/services/case-status.service';
import { CHECK_IN_PROMPT_JOB } from '../src/contracts/jobs.contract';
import { createCheckInPromptPlanner } from '../src/services/check-in-prompts.service';
import { createConversations } from '../src/services/conversations.service';
import { createCheckInNotices } from '../src/services/notifications/check-in-notices.service';
import type { Clock } from '../src/services/ports/clock.port';
import { openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrate';
import { createStore } from '../src/store/store';
import { randomUUID } from 'node:crypto';
import { FANOUT_TENANT_ID, seedFanoutCaseload } from './fanout-caseload';
import { type BenchResult, freshPostgresDatabase, startBenchProcess } from './harness';

/** Teams' per-tenant limit: the fastest any sender may go, so 1,000 cards take at least 20 s. */
const TENANT_LIMIT_PER_S = 50;
const GIVE_UP_MS = 60_000;
const POLL_MS = 20;
/** The stand-in answers after this long: Teams is across the internet, not on loopback. */
const ROUND_TRIP_MS = 100;

/** 08:05 in London on Wednesday 3 June 2026, with time running from when the benchmark starts. */
function benchClock(): Clock {
  const startedAt = Date.now();
  const at = Date.parse('2026-06-03T07:05:00.000Z');
  const nowIso = () => new Date(at + Date.now() - startedAt).toISOString();
  return { nowIso, today: () => londonDateOf(nowIso()) };
}

/**
 * Plans the caseload's check-in prompts into a fresh SQLite job table (a file, WAL, fsync on
 * commit, as in production), then lets the product's job runner send them through the product's
 * notifier (CloudAdapter, stored references, rate limiter) to the throttling connector stand-in,
 * which runs in its own process: one core each. Times from starting the runner until no prompt
 * job is left to run, and compares what was queued with what the connector recorded.
 */
async function fanOut() {
  const connector = await startBenchProcess('teams-connector.ts', [String(ROUND_TRIP_MS)]);
  const directory = mkdtempSync(join(tmpdir(), 'coregroup-fanout-'));
  const database = openDatabase({ sqliteFile: join(directory, 'fanout.db') });
  try {
    await migrateToLatest(database);
    const store = createStore(database);
    const clock = benchClock();
    const calendars = loadWorkingDayCalendars();
    const policies = loadPolicyCatalogue();
    const deps = { ...store, clock, calendars, policy: (id: string) => policies.get(id) };
    const coreGroupIds = await seedFanoutCaseload({ store, clock, calendar: calendars['england-and-wales'], serviceUrl: connector.url });
    const planner = createCheckInPromptPlanner(deps);
    for (const id of coreGroupIds) await planner.planFor(id);
    const prompts = database.db.selectFrom('jobs').where('kind', '=', CHECK_IN_PROMPT_JOB);
    const expected = new Set((await prompts.select('payload').execute()).map((row) => (JSON.parse(row.payload) as { promptId: string }).promptId));
    const notDone = async (statuses: readonly string[]) => (await prompts.select((eb) => eb.fn.countAll<number>().as('count')).where('status', 'in', statuses).executeTakeFirstOrThrow()).count;

    const adapter = createBotAdapter({ appId: '', log: () => undefined });
    const conversations = createConversations({ references: store.conversationReferences, clock });
    const notifier = createTeamsNotifier({ adapter, appId: '', teamsAppId: '', conversations, limiter: createRateLimiter() });
    let failedAttempts = 0;
    const runner = createJobRunner({
      queue: store.jobs,
      handlers: messageJobHandlers({ checkIns: createCheckInNotices({ ...store, mailer: { sendMail: async () => undefined }, clock, status: createCaseStatusService({ ...deps, calendar: { occurrences: async () => [] } }), coreGroups: store.coreGroups, checkIns: store.checkIns, notifier }) }),
      workerId: 'bench-worker',
      clock,
      concurrency: MESSAGE_JOB_CONCURRENCY,
      groupOf: recipientOfJob,
      onError: () => failedAttempts++,
    });

    const started = performance.now();
    runner.start();
    while ((await notDone(['queued', 'running'])) > 0 && performance.now() - started < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();

    const records = (await (await fetch(`${connector.url}records`)).json()) as { recorded: string[]; throttled: number; arrivals: number[] };
    const distinct = new Set(records.recorded);
    const lost = [...expected].filter((id) => !distinct.has(id)).length;
    return {
      cards: expected.size,
      delivered: expected.size - lost,
      seconds,
      throttled: records.throttled,
      steadyPerSecond: steadyRate(records.arrivals),
      failedAttempts,
      notDone: await notDone(['queued', 'running', 'dead']),
      lost,
      doubled: records.recorded.length - distinct.size,
    };
  } finally {
    await database.close();
    rmSync(directory, { recursive: true, force: true });
    connector.child.kill();
  }
}

const INSTANCES = 3;

/** The job lease each instance process takes: as in production, long enough for a card's round trip. */
const INSTANCE_LEASE_MS = 30_000;
/** The prompts are held back this long while the instances start, then all fall due at once. */
const HELD_BACK_MS = 3_600_000;

/**
 * The same morning sent by three app instances sharing a fresh PostgreSQL database, each its own
 * process (`fanout-instance.ts`: the product's runner, notifier and the rate limiter shared
 * through PostgreSQL), to the same throttling connector. As in production the instances are
 * already running when the morning's prompts fall due: they are queued for later, the instances
 * started, and then every prompt made due at once. Times from then until no prompt job is left to
 * run — so an idle instance's next look at the queue (up to its 1 s poll) counts.
 */
async function fanOutAcrossInstances() {
  const connector = await startBenchProcess('teams-connector.ts', [String(ROUND_TRIP_MS)]);
  const fresh = await freshPostgresDatabase('bench_fanout');
  const database = openDatabase({ url: fresh.url });
  const instances: Awaited<ReturnType<typeof startBenchProcess>>[] = [];
  try {
    await migrateToLatest(database);
    const store = createStore(database);
    // The instances run on the system clock, so the morning is today's.
    const coreGroupIds = await seedFanoutCaseload({ store, clock: systemClock, calendar: loadWorkingDayCalendars()['england-and-wales'], serviceUrl: connector.url });
    const now = systemClock.nowIso();
    const later = new Date(Date.parse(now) + HELD_BACK_MS).toISOString();
    for (const coreGroupId of coreGroupIds) {
      for (const member of await store.coreGroups.members(coreGroupId)) {
        const promptId = randomUUID();
        const payload = { tenantId: FANOUT_TENANT_ID, coreGroupId, memberId: member.id, aadObjectId: member.aadObjectId, promptId, promptedAt: now };
        await store.jobs.enqueue({ id: randomUUID(), kind: CHECK_IN_PROMPT_JOB, payload, runAt: later, idempotencyKey: `fanout-instances:${promptId}`, at: now });
      }
    }
    const prompts = database.db.selectFrom('jobs').where('kind', '=', CHECK_IN_PROMPT_JOB);
    const expected = new Set((await prompts.select('payload').execute()).map((row) => (JSON.parse(row.payload) as { promptId: string }).promptId));
    const notDone = async (statuses: readonly string[]) => Number((await prompts.select((eb) => eb.fn.countAll<number | string>().as('count')).where('status', 'in', statuses).executeTakeFirstOrThrow()).count);
    instances.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => startBenchProcess('fanout-instance.ts', [fresh.url, String(INSTANCE_LEASE_MS)])))));
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const started = performance.now();
    await database.db.updateTable('jobs').set({ run_at: systemClock.nowIso() }).where('kind', '=', CHECK_IN_PROMPT_JOB).execute();
    while ((await notDone(['queued', 'running'])) > 0 && performance.now() - started < GIVE_UP_MS) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const seconds = (performance.now() - started) / 1000;
    const records = (await (await fetch(`${connector.url}records`)).json()) as { recorded: string[]; throttled: number; arrivals: number[] };
    const distinct = new Set(records.recorded);
    const lost = [...expected].filter((id) => !distinct.has(id)).length;
    return { cards: expected.size, delivered: expected.size - lost, seconds, throttled: records.throttled, steadyPerSecond: steadyRate(records.arrivals), notDone: await notDone(['queued', 'running', 'dead']), lost, doubled: records.recorded.length - distinct.size };
  } finally {
    for (const instance of instances) instance.child.kill('SIGKILL');
    await database.close();
    await fresh.drop();
    connector.child.kill();
  }
}

/** What one fan-out run found. `failedAttempts`: counted only where the runner is in this process. */
interface FanOutRun {
  readonly cards: number;
  readonly delivered: number;
  readonly seconds: number;
  readonly throttled: number;
  /** Cards a second once the first second's allowance is spent: the limit's count over the mean time any 50 consecutive cards took to arrive. */
  readonly steadyPerSecond: number;
  readonly failedAttempts?: number | undefined;
  readonly notDone: number;
  readonly lost: number;
  readonly doubled: number;
}

/**
 * The rate a fan-out kept to once under way: over every run of {@link TENANT_LIMIT_PER_S} + 1
 * consecutive arrivals, how long the last took to follow the first, on average. The whole run's
 * time also holds the free first second (a full window at once) and how soon an instance looked at
 * the queue, which weigh more the fewer the cards.
 */
function steadyRate(arrivals: readonly number[]): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  const spans = sorted.slice(TENANT_LIMIT_PER_S).map((time, index) => time - sorted[index]!);
  return spans.length === 0 ? 0 : (TENANT_LIMIT_PER_S * 1000) / (spans.reduce((sum, span) => sum + span, 0) / spans.length);
}

/** A fan-out run against Teams' per-tenant limit: ≥ 90 % of it once under way, none lost or doubled, and, where asked, no 429. */
function fanOutResult(run: FanOutRun, options: { title: string; timedFrom: string; no429: boolean }): BenchResult {
  const idealSeconds = run.cards / TENANT_LIMIT_PER_S;
  const throughput = run.delivered / run.seconds;
  return {
    title: options.title,
    figures: [
      { name: `total time${options.timedFrom}`, value: run.seconds, unit: 's' },
      { name: 'throughput (cards delivered)', value: throughput, unit: 'cards/s' },
      { name: `baseline: ideal time at the tenant limit (${TENANT_LIMIT_PER_S}/s)`, value: idealSeconds, unit: 's' },
      { name: 'ratio to the limit, whole run', value: (100 * throughput) / TENANT_LIMIT_PER_S, unit: '%' },
      { name: 'steady rate (mean time of each 50 after the first)', value: run.steadyPerSecond, unit: 'cards/s' },
      { name: 'ratio to the limit, steady', value: (100 * run.steadyPerSecond) / TENANT_LIMIT_PER_S, unit: '%' },
      { name: '429s answered by the connector', value: run.throttled, unit: '' },
      ...(run.failedAttempts === undefined ? [] : [{ name: 'failed job attempts (retried by the runner)', value: run.failedAttempts, unit: '' }]),
      { name: 'prompt jobs not done at the end', value: run.notDone, unit: '' },
      { name: 'lost (expected − recorded distinct)', value: run.lost, unit: '' },
      { name: 'doubled (recorded − distinct)', value: run.doubled, unit: '' },
    ],
    targets: [
      { description: `≥ 90 % of the tenant limit, steady (≥ ${0.9 * TENANT_LIMIT_PER_S} cards/s)`, met: run.steadyPerSecond >= 0.9 * TENANT_LIMIT_PER_S },
      ...(options.no429 ? [{ description: 'no 429', met: run.throttled === 0 }] : []),
      { description: 'no card lost, none doubled', met: run.lost === 0 && run.doubled === 0 },
    ],
  };
}

/** 1,000 check-in cards to 200 people in one tenant, against Teams' per-tenant limit (the ideal time). */
export async function fanoutBenchmark(): Promise<BenchResult> {
  const run = await fanOut();
  return fanOutResult(run, {
    title: `Check-in fan-out: ${run.cards} prompt cards to 200 people in one tenant, job runner (${MESSAGE_JOB_CONCURRENCY} in hand, in order per person) → notifier → throttling connector answering after ${ROUND_TRIP_MS} ms, against Teams' ${TENANT_LIMIT_PER_S}/s`,
    timedFrom: '',
    no429: false,
  });
}

/** The same 1,000 cards sent by three instances sharing PostgreSQL: the same targets as one instance, and no 429. */
export async function fanoutInstancesBenchmark(): Promise<BenchResult> {
  const run = await fanOutAcrossInstances();
  return fanOutResult(run, {
    title: `Check-in fan-out across ${INSTANCES} instances on one PostgreSQL database: ${run.cards} prompt cards to 200 people in one tenant, each instance its own process, Teams' limits shared through PostgreSQL, connector answering after ${ROUND_TRIP_MS} ms`,
    timedFrom: ' (from falling due)',
    no429: true,
  });
}
