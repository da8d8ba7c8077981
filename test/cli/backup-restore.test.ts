import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { Client } from 'pg';
import { Temporal } from 'temporal-polyfill';
import { systemClock } from '../../src/adapters/system-clock';
import { cliCommands } from '../../src/cli/main';
import { runCli } from '../../src/cli/run-cli';
import { loadConfig } from '../../src/config/config';
import { type RunningService, startService } from '../../src/main';
import { createLogger } from '../../src/server/logger';
import { createCheckInService } from '../../src/services/check-in.service';
import { DEMO_CASELOAD } from '../../src/local/demo/demo-caseload.seed';
import { DEMO_CASE_REFERENCE, DEMO_TENANT_ID, demoObjectId } from '../../src/local/demo/demo-core-group.seed';
import { type OpenDatabase, openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { type RowCounts, countRows, dataRows } from '../../src/store/row-counts';
import { createStore } from '../../src/store/store';
import { ENGINES, migratedDatabase } from '../support/databases';

const BIN = join(__dirname, '..', '..', 'bin', 'coregroup.cjs');
const postgresUrl = process.env.POSTGRES_TEST_URL;
const silent = createLogger({ level: 'silent' });

/** The test run's DATABASE_URL is the store suite's, not the app's: each database here says its own. */
const { DATABASE_URL: _testRunDatabase, ...inheritedEnv } = process.env;

/** An empty database the app can run on, as an operator would make one, and how to throw it away. */
interface AppDatabase {
  readonly env: Readonly<Record<string, string>>;
  open(): OpenDatabase;
  drop(): Promise<void>;
}

async function asAdmin(statement: string): Promise<void> {
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new SQLite file, or a new PostgreSQL database whose `public` schema the app uses, as in production. */
async function emptyAppDatabase(engine: 'sqlite' | 'postgres'): Promise<AppDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'coregroup-drill-'));
    const file = join(dir, 'coregroup.db');
    return { env: { SQLITE_FILE: file }, open: () => openDatabase({ sqliteFile: file }), drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `coregroup_drill_${randomBytes(6).toString('hex')}`;
  await asAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, open: () => openDatabase({ url: url.toString() }), drop: () => asAdmin(`DROP DATABASE ${name} WITH (FORCE)`) };
}

/** `npx coregroup …` in-process, with the given database settings. */
async function coregroup(args: string[], env: Readonly<Record<string, string>>) {
  const out: string[] = [];
  const err: string[] = [];
  const cliEnv = { PATH: process.env.PATH, ...env };
  const code = await runCli({ args, io: { out: (line) => out.push(line), err: (line) => err.push(line), env: cliEnv }, commands: cliCommands(cliEnv) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** `npx coregroup …` as its own process, as an operator runs it beside the app. */
function coregroupProcess(args: string[], env: Readonly<Record<string, string>>) {
  return promisify(execFile)(process.execPath, [BIN, ...args], { env: { ...inheritedEnv, ...env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const appConfig = (database: AppDatabase) => loadConfig({ PORT: '0', GRAPH_SIMULATOR_PORT: '0', LOG_LEVEL: 'silent', ...database.env });

async function signIn(service: RunningService, who: string): Promise<string> {
  const response = await fetch(`${service.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ aadObjectId: demoObjectId(who) }) });
  return ((await response.json()) as { token: string }).token;
}

/**
 * The app at work until stopped: the chair autosaving the minutes and reading the dashboard over
 * HTTP (each audited), and the health visitor checking in on their action through the check-in
 * service on a second connection, as a second instance would.
 */
function keepWriting(options: { service: RunningService; token: string; meetingId: string; store: ReturnType<typeof createStore>; coreGroupId: string }) {
  const { service, token, meetingId, coreGroupId } = options;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const checkIns = createCheckInService({ ...options.store, clock: systemClock });
  const health = { tenantId: DEMO_TENANT_ID, aadObjectId: demoObjectId('health') };
  let stopped = false;
  let rounds = 0;
  const loop = (async () => {
    for (let version = 1; !stopped; rounds++) {
      const saved = await fetch(`${service.url}/api/meetings/${meetingId}/minutes`, { method: 'PATCH', headers, body: JSON.stringify({ baseVersion: version, section: 'childsVoice', value: `Riley said, at save ${rounds}, that home is calmer` }) });
      if (saved.status !== 200) throw new Error(`minutes save answered ${saved.status}`);
      version = ((await saved.json()) as { version: number }).version;
      const dashboard = await fetch(`${service.url}/api/dashboard`, { headers });
      if (dashboard.status !== 200) throw new Error(`dashboard answered ${dashboard.status}`);
      await checkIns.record({ caller: health, coreGroupId, actionId: 'action-visits', status: 'on-track', note: `Visit ${rounds}: home warm`, promptId: `drill-${rounds}` });
    }
  })();
  return {
    async reached(count: number) {
      while (rounds < count) await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, 20))]);
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** Foreign keys that hold: SQLite's check finds no orphan; PostgreSQL has every constraint back, validated. */
async function foreignKeys(database: OpenDatabase): Promise<{ orphans: number; constraints?: number }> {
  if (database.engine === 'sqlite') return { orphans: (await sql`PRAGMA foreign_key_check`.execute(database.db)).rows.length };
  const { rows } = await sql<{ count: string }>`select count(*) as count from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = current_schema() and c.contype = 'f' and c.convalidated`.execute(database.db);
  return { orphans: 0, constraints: Number(rows[0]!.count) };
}

/**
 * What a torn copy would break: minutes and their versions are saved in one transaction, so each
 * minutes row's version is its number of saved versions; a check-in is audited before it is
 * recorded, so the health visitor (the only one checking in after the demo seed) has at least as many
 * audited check-ins as check-ins, and at most one more.
 */
async function expectOneMoment(database: OpenDatabase): Promise<void> {
  const { db } = database;
  for (const minutes of await db.selectFrom('minutes').select(['id', 'version']).execute()) {
    const versions = await db.selectFrom('minutes_versions').where('minutes_id', '=', minutes.id).select((eb) => [eb.fn.countAll<string>().as('count'), eb.fn.max('version').as('latest')]).executeTakeFirstOrThrow();
    expect({ count: Number(versions.count), latest: Number(versions.latest) }).toEqual({ count: minutes.version, latest: minutes.version });
  }
  const checkIns = Number((await db.selectFrom('check_ins').where('idempotency_key', 'not like', 'demo-%').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);
  const audited = Number((await db.selectFrom('audit_log').where('action', '=', 'check-in-own-action').where('actor', '=', demoObjectId('health')).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()).count);
  expect(audited - checkIns).toBeGreaterThanOrEqual(0);
  expect(audited - checkIns).toBeLessThanOrEqual(1);
}

/** When each audit entry was made, in the order they were written. */
async function auditTimes(database: OpenDatabase): Promise<string[]> {
  return (await database.db.selectFrom('audit_log').select('at').orderBy('id').execute()).map((row) => row.at);
}

function expectBetween(restored: RowCounts, before: RowCounts, after: RowCounts): void {
  expect(Object.keys(restored)).toEqual(Object.keys(before));
  for (const table of Object.keys(before)) {
    expect({ table, rows: restored[table]! >= before[table]! && restored[table]! <= after[table]! }).toEqual({ table, rows: true });
  }
}

for (const { name: engine, available } of ENGINES) {
  const suite = available ? describe : describe.skip;

  suite(`backup and restore drill on ${engine}`, () => {
    const dropped: AppDatabase[] = [];
    const backups = mkdtempSync(join(tmpdir(), 'coregroup-backups-'));
    afterAll(async () => {
      await Promise.all(dropped.map((database) => database.drop()));
      rmSync(backups, { recursive: true, force: true });
    }, 120_000);
    const fresh = async () => {
      const database = await emptyAppDatabase(engine);
      dropped.push(database);
      return database;
    };
    /** A database holding the demo core group, and a backup of it. */
    const backedUpDemo = async (name: string) => {
      const source = await fresh();
      await coregroup(['seed-demo'], source.env);
      const file = join(backups, `${name}.${engine === 'sqlite' ? 'db' : 'dump'}`);
      expect((await coregroup(['backup', file], source.env)).code).toBe(0);
      return { source, file };
    };

    test('a backup taken while the app writes restores into an empty database: every table as of one moment, consistent, migrated, and the app serves it', async () => {
      const source = await fresh();
      const service = await startService(appConfig(source), silent);
      const live = source.open();
      const store = createStore(live);
      const coreGroup = (await store.coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).find((group) => group.caseReference === DEMO_CASE_REFERENCE);
      const meetingId = randomUUID();
      await store.meetings.create({ id: meetingId, coreGroupId: coreGroup!.id, date: Temporal.Now.plainDateISO('Europe/London'), status: 'scheduled' });
      const writer = keepWriting({ service, token: await signIn(service, 'lead'), meetingId, store, coreGroupId: coreGroup!.id });
      await writer.reached(5);

      const file = join(backups, `drill.${engine === 'sqlite' ? 'db' : 'dump'}`);
      const before = await countRows(live);
      const backup = await coregroupProcess(['backup', file], source.env);
      const after = await countRows(live);
      await writer.stop();
      const sourceKeys = await foreignKeys(live);
      const liveAudit = await auditTimes(live);
      await live.close();
      await service.stop();

      expect(backup).toMatchObject({ code: 0, stderr: '' });
      expect(backup.stdout).toMatch(/^backed up .* in \d+\.\d\d s\nrecovery point: \d{4}-\d\d-\d\dT[\d:.]+Z/);
      expect(after.audit_log!).toBeGreaterThan(before.audit_log!); // the app went on writing while the backup ran
      const recoveryPoint = /recovery point: (\S+)/.exec(backup.stdout)![1]!;
      expect(statSync(file).mode & 0o777).toBe(0o600);

      const target = await fresh();
      const restore = await coregroup(['restore', file], target.env);
      expect(restore).toMatchObject({ code: 0, err: '' });
      expect(restore.out).toMatch(/^restored .* in \d+\.\d\d s: \d+ tables, [\d,]+ rows$/);

      const restored = target.open();
      const counts = await countRows(restored);
      expectBetween(counts, before, after);
      await expectOneMoment(restored);
      expect(await foreignKeys(restored)).toEqual(sourceKeys);
      expect(await migrateToLatest(restored)).toEqual([]);
      // The recovery point printed is the backup's moment: nothing audited after it is in the backup,
      // and all that was audited well before it is (an entry is stamped a moment before it commits).
      const restoredAudit = await auditTimes(restored);
      // The copy's snapshot is taken a moment after the printed point (the step starts after it is
      // read), so an entry committed in that moment may be in it; nothing a second later is.
      const momentAfter = new Date(Date.parse(recoveryPoint) + 1_000).toISOString();
      expect(restoredAudit.filter((at) => at > momentAfter)).toEqual([]);
      const wellBefore = new Date(Date.parse(recoveryPoint) - 5_000).toISOString();
      expect(restoredAudit.filter((at) => at < wellBefore)).toEqual(liveAudit.filter((at) => at < wellBefore));
      // The restored audit log is still one unbroken hash chain (what `coregroup audit verify` checks).
      expect((await createStore(restored).auditLog.verifyChain()).firstBreak).toBeUndefined();
      await restored.close();

      const again = await startService(appConfig(target), silent);
      try {
        const health = await fetch(`${again.url}/healthz`);
        expect({ status: health.status, body: await health.json() }).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', database: 'ok' }) });
        const headers = { authorization: `Bearer ${await signIn(again, 'lead')}` };
        const dashboard = (await (await fetch(`${again.url}/api/dashboard`, { headers })).json()) as { coreGroups: { caseReference: string }[] };
        expect(dashboard.coreGroups.map((group) => group.caseReference).sort()).toEqual([...DEMO_CASELOAD]);
        const { minutes } = (await (await fetch(`${again.url}/api/meetings/${meetingId}/minutes`, { headers })).json()) as { minutes: { version: number; content: { childsVoice: string } } };
        expect(minutes.version).toBe(counts.minutes_versions! - (counts.minutes! - 1)); // the demo caseload's other minutes were signed at version 1
        expect(minutes.content.childsVoice).toBe(`Riley said, at save ${minutes.version - 2}, that home is calmer`);
      } finally {
        await again.stop();
      }
      const served = target.open();
      expect((await countRows(served)).core_groups).toBe(DEMO_CASELOAD.length); // the demo came from the backup, not seeded again
      await served.close();
    }, 180_000);

    test('restore refuses a database that holds data unless told --force, and then replaces it', async () => {
      const { source, file } = await backedUpDemo('refusal');

      const target = await fresh();
      await coregroup(['seed-demo'], target.env);
      const inUse = target.open();
      await createStore(inUse).auditLog.append({ at: systemClock.nowIso(), tenantId: DEMO_TENANT_ID, actor: 'drill', action: 'view-case', outcome: 'allowed' });
      const held = await countRows(inUse);

      const refused = await coregroup(['restore', file], target.env);
      expect(refused).toMatchObject({ code: 1, out: '' });
      expect(refused.err).toContain(`holds ${dataRows(held)} rows: restore into an empty database, or stop the app and add --force`);
      expect(await countRows(inUse)).toEqual(held);

      expect((await coregroup(['restore', file, '--force'], target.env)).code).toBe(0);
      const backedUp = source.open();
      expect(await countRows(inUse)).toEqual(await countRows(backedUp));
      await backedUp.close();
      expect((await createStore(inUse).coreGroups.listForMember(DEMO_TENANT_ID, demoObjectId('lead'))).map((group) => group.caseReference).sort()).toEqual([...DEMO_CASELOAD]);
      await inUse.close();
    }, 60_000);

    test('backup never overwrites a file, and restore refuses a file that is not a Core Group backup', async () => {
      const source = await fresh();
      await coregroup(['migrate'], source.env);
      const existing = join(backups, 'existing');
      writeFileSync(existing, 'an older backup');
      const overwrite = await coregroup(['backup', existing], source.env);
      expect(overwrite).toMatchObject({ code: 1, err: expect.stringContaining('exists already: choose a new name') });
      expect(readdirSync(backups).filter((name) => name.includes('partial'))).toEqual([]);

      const target = await fresh();
      const notABackup = await coregroup(['restore', existing], target.env);
      expect(notABackup).toMatchObject({ code: 1, err: expect.stringMatching(/is not a (SQLite database|pg_dump archive)/) });
      expect(await coregroup(['restore', join(backups, 'missing')], target.env)).toMatchObject({ code: 1, err: expect.stringContaining('there is no backup at') });
      expect(await coregroup(['backup'], source.env)).toMatchObject({ code: 2, err: expect.stringContaining('name one backup file') });
    }, 60_000);

    if (engine === 'sqlite') {
      test('backup refuses a database that does not exist and does not create it', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'coregroup-drill-'));
        const missing = await coregroup(['backup', join(dir, 'backup.db')], { SQLITE_FILE: join(dir, 'none.db') });
        expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('there is no database at') });
        expect(readdirSync(dir)).toEqual([]);
        rmSync(dir, { recursive: true });
      });
    }

    if (engine === 'postgres') {
      test('--schema backs up one schema of a shared database and restores it under the same name into an empty database', async () => {
        const shared = await migratedDatabase('postgres');
        await createStore(shared).auditLog.append({ at: systemClock.nowIso(), tenantId: DEMO_TENANT_ID, actor: 'drill', action: 'view-case', outcome: 'allowed' });
        const file = join(backups, 'one-schema.dump');
        const env = { DATABASE_URL: postgresUrl! };
        const backup = await coregroup(['backup', file, '--schema', shared.schema!], env);
        expect(backup).toMatchObject({ code: 0, out: expect.stringContaining(`schema ${shared.schema}`) });
        const { stdout: listing } = await promisify(execFile)('pg_restore', ['--list', file]);
        expect(new Set([...listing.matchAll(/^\d+; \d+ \d+ TABLE (\S+) \S+ \S+$/gm)].map((match) => match[1]))).toEqual(new Set([shared.schema]));

        const target = await fresh();
        expect(await coregroup(['restore', file], target.env)).toMatchObject({ code: 1, err: expect.stringContaining(`pass --schema ${shared.schema}`) });
        expect(await coregroup(['restore', file, '--schema', shared.schema!], target.env)).toMatchObject({ code: 0 });
        const restored = openDatabase({ url: target.env.DATABASE_URL!, schema: shared.schema! });
        expect(await countRows(restored)).toEqual(await countRows(shared));
        await restored.close();
        await shared.drop();
      }, 60_000);

      test('in production a restore never goes over data, even with --force', async () => {
        const { source, file } = await backedUpDemo('production');
        const production = {
          ...source.env,
          CORE_GROUP_MODE: 'production',
          HOST: '0.0.0.0',
          MICROSOFT_APP_ID: randomUUID(),
          MICROSOFT_APP_TENANT_ID: randomUUID(),
          MICROSOFT_APP_PASSWORD: 'secret',
          ALLOWED_TENANT_IDS: randomUUID(),
          TEAMS_APP_ID: randomUUID(),
          PUBLIC_BASE_URL: 'https://coregroup.example',
        };
        const refused = await coregroup(['restore', file, '--force'], production);
        expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('in production a restore goes into a new, empty database') });

        const empty = await fresh();
        expect(await coregroup(['restore', file], { ...production, DATABASE_URL: empty.env.DATABASE_URL! })).toMatchObject({ code: 0 });
        expect(existsSync(file)).toBe(true);
      }, 60_000);
    }
  });
}
