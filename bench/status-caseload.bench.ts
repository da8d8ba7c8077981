import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { londonDateOf } from '../src/domain/civil-date';
import { loadWorkingDayCalendars } from '../src/holidays/working-day-calendars';
import { openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrate';
import { createStore } from '../src/store/store';
import { PRODUCTION_HEAP, load, percentile, startConnector, startServer } from './bot.bench';
import { type BenchResult, type Figure, freshPostgresDatabase, processCpuMs, startBenchProcess } from './harness';
import { LEAD_GROUPS, TEAM_GROUPS, seedTeamCaseload } from './team-caseload';

const CONCURRENCY = 20;
/** Requests measured: enough for a steady p95 on a shared machine (at 300 the echo bot's own p95 moved between 104 and 173 ms from run to run). */
const REQUESTS = 2000;
/** Requests first sent to warm up: the first at full concurrency pay for compiling the code paths. */
const WARM_UP = 300;
/** How long the server may take over its start-up work (the first hourly review of 150 cases, and the notices it queues). */
const QUIET_WITHIN_MS = 180_000;
const TARGET_P95_MS = 150;

/** A fresh database of each engine: a SQLite file, or a new PostgreSQL database beside the test one (dropped after). */
async function freshDatabase(engine: 'sqlite' | 'postgres'): Promise<{ location: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') return { location: join(mkdtempSync(join(tmpdir(), 'coregroup-status-')), 'status.db'), drop: async () => undefined };
  const database = await freshPostgresDatabase('bench_status');
  return { location: database.url, drop: database.drop };
}

/**
 * Waits until the server's job queue has had nothing ready to run for two seconds: its start-up
 * review of 150 cases queues thousands of notices, and measuring while they are sent would time
 * the job runner, not `/coregroup status`.
 */
async function quietJobQueue(location: string): Promise<void> {
  const database = openDatabase(location.startsWith('postgres') ? { url: location } : { sqliteFile: location });
  try {
    const started = Date.now();
    for (let quietSince = Date.now(); Date.now() - quietSince < 2000; ) {
      if (Date.now() - started > QUIET_WITHIN_MS) throw new Error('the server was still sending its start-up notices after three minutes');
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = new Date().toISOString();
      const ready = await database.db
        .selectFrom('jobs')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .where((eb) => eb.or([eb('status', '=', 'running'), eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)])]))
        .executeTakeFirstOrThrow();
      if (Number(ready.count) > 0) quietSince = Date.now();
    }
  } finally {
    await database.close();
  }
}

/**
 * Gives PostgreSQL's planner the statistics a database in use has. Autovacuum gathers them some
 * time after a table fills; seeded moments before it is measured, the database has none, and the
 * planner joins 150 memberships to 150 core groups by a nested loop (≈ 3 ms a request instead of
 * ≈ 0.5 ms), which would time the empty statistics rather than the product.
 */
async function analyse(location: string): Promise<void> {
  const client = new Client({ connectionString: location });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

async function seeded(engine: 'sqlite' | 'postgres') {
  const { location, drop } = await freshDatabase(engine);
  const database = openDatabase(engine === 'sqlite' ? { sqliteFile: location } : { url: location });
  await migrateToLatest(database);
  const clock = { nowIso: () => new Date().toISOString(), today: () => londonDateOf(new Date().toISOString()) };
  const people = await seedTeamCaseload({ store: createStore(database), clock, calendar: loadWorkingDayCalendars()['england-and-wales'] });
  await database.close();
  return { location, drop, ...people };
}

/**
 * `/coregroup status` through the whole product (bot endpoint, authorisation, audit, the store)
 * for a lead social worker with 20 core groups and their team manager with 150, at concurrency 20,
 * on SQLite and on PostgreSQL, against the bare echo bot measured in the same run.
 */
export async function statusCaseloadBenchmark(): Promise<BenchResult> {
  const connector = await startConnector();
  const echo = await startServer('echo');
  const figures: Figure[] = [];
  const targets: BenchResult['targets'][number][] = [];
  try {
    const shape = (aadObjectId: string, requests = REQUESTS) => ({ concurrency: CONCURRENCY, requests, aadObjectId });
    await load(echo.url, connector.url, 'hello', shape('echo', WARM_UP));
    const echoCpuBefore = processCpuMs(echo.child.pid!);
    const echoP95 = percentile((await load(echo.url, connector.url, 'hello', shape('echo'))).latencies, 95);
    const echoCpu = (processCpuMs(echo.child.pid!) - echoCpuBefore) / REQUESTS;
    figures.push({ name: 'echo bot: latency p95', value: echoP95, unit: 'ms' }, { name: 'echo bot: server CPU a request', value: echoCpu, unit: 'ms' });
    for (const engine of (process.env.BENCH_ENGINES?.split(',') ?? ['sqlite', 'postgres']) as ('sqlite' | 'postgres')[]) {
      const { location, drop, lead, manager } = await seeded(engine);
      const server = await startBenchProcess('bot-servers.ts', ['core-group', location], PRODUCTION_HEAP);
      try {
        await quietJobQueue(location);
        if (engine === 'postgres') await analyse(location);
        for (const [who, aadObjectId] of [[`lead social worker, ${LEAD_GROUPS} groups`, lead], [`team manager, ${TEAM_GROUPS} groups`, manager]] as const) {
          await load(server.url, connector.url, '/coregroup status', shape(aadObjectId, WARM_UP));
          const cpuBefore = processCpuMs(server.child.pid!);
          const p95 = percentile((await load(server.url, connector.url, '/coregroup status', shape(aadObjectId))).latencies, 95);
          const cpuPerRequest = (processCpuMs(server.child.pid!) - cpuBefore) / REQUESTS;
          figures.push(
            { name: `${engine}: ${who}: p95`, value: p95, unit: 'ms' },
            { name: `${engine}: ${who}: p95 ratio to echo`, value: p95 / echoP95, unit: '×' },
            { name: `${engine}: ${who}: server CPU a request`, value: cpuPerRequest, unit: 'ms' },
            { name: `${engine}: ${who}: server CPU ratio to echo`, value: cpuPerRequest / echoCpu, unit: '×' },
          );
          targets.push({ description: `${engine}, ${who}: p95 ≤ ${TARGET_P95_MS} ms`, met: p95 <= TARGET_P95_MS });
        }
      } finally {
        server.child.kill();
        await drop();
      }
    }
  } finally {
    echo.child.kill();
    connector.close();
  }
  return {
    title: `/coregroup status for a caseload at concurrency ${CONCURRENCY} (${REQUESTS} requests each after ${WARM_UP} to warm up, the server's start-up notices sent), against a bare echo bot in the same run`,
    figures,
    targets,
  };
}
