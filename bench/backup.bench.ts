import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Client } from 'pg';
import { type BackupOptions, databaseBackup } from '../src/store/database-backup';
import { type OpenDatabase, openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrate';
import { type RowCounts, countRows, dataRows } from '../src/store/row-counts';
import type { Database } from '../src/store/schema';
import { createStore } from '../src/store/store';
import { seedBackupCaseload } from './backup-caseload';
import type { BenchResult, Figure } from './harness';

const CORE_GROUPS = Number(process.env.BACKUP_BENCH_CORE_GROUPS ?? 1000);
const POSTGRES_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Far inside what Azure documents for its own restore (minutes to hours): restoring the data is not the slow part of a recovery. */
const BACKUP_TARGET_S = 60;
const RESTORE_TARGET_S = 120;
/** Rows per INSERT when copying the caseload into PostgreSQL: a dozen columns each stays under its 65,535 parameters. */
const COPY_CHUNK = 1000;

const MB = (bytes: number) => bytes / 1_048_576;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** Backs `source` up, restores the file into the empty `target` and checks every table came back whole. */
async function drill(options: { engine: string; source: BackupOptions; target: BackupOptions & { open(): OpenDatabase }; file: string; counts: RowCounts; bytes: number }): Promise<Figure[]> {
  const { engine, file } = options;
  const backup = await timed(() => databaseBackup(options.source).backup(file));
  const restore = await timed(() => databaseBackup(options.target).restore(file));
  const restored = options.target.open();
  const restoredCounts = await countRows(restored);
  await restored.close();
  if (JSON.stringify(restoredCounts) !== JSON.stringify(options.counts)) throw new Error(`${engine}: the restored database does not hold what was backed up`);
  return [
    { name: `${engine}: database (${dataRows(options.counts).toLocaleString('en-GB')} rows)`, value: MB(options.bytes), unit: 'MB' },
    { name: `${engine}: backup file`, value: MB(statSync(file).size), unit: 'MB' },
    { name: `${engine}: coregroup backup`, value: backup, unit: 's' },
    { name: `${engine}: coregroup restore into an empty database`, value: restore, unit: 's' },
  ];
}

/** The same caseload in a new PostgreSQL database, copied table by table from the SQLite one (much faster than seeding it again). */
async function copyToPostgres(from: OpenDatabase, to: OpenDatabase): Promise<void> {
  await migrateToLatest(to);
  const tables = Object.keys(await countRows(from)).filter((table) => !table.startsWith('kysely_'));
  await to.db.transaction().execute(async (trx) => {
    // Foreign keys are not checked while copying (the rows come from a database that checked them).
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    for (const table of tables) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(from.db);
      for (let start = 0; start < rows.length; start += COPY_CHUNK) await trx.insertInto(table as keyof Database).values(rows.slice(start, start + COPY_CHUNK) as never).execute();
    }
    await sql`select setval('audit_log_id_seq', (select max(id) from audit_log))`.execute(trx);
  });
}

/**
 * `npm run bench -- backup`: the backup and restore drill at the size of a large local authority's
 * caseload (1,000 core groups, six months in; `BACKUP_BENCH_CORE_GROUPS` to change it), on SQLite
 * and, when reachable, PostgreSQL: the time `coregroup backup` and `coregroup restore` take, their
 * checks included, and that every row comes back.
 */
export async function backupBenchmark(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'coregroup-backup-bench-'));
  const sqliteFile = join(dir, 'caseload.db');
  const figures: Figure[] = [];
  const admin = new Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  const databases: string[] = [];
  try {
    const source = openDatabase({ sqliteFile });
    await migrateToLatest(source);
    // Seeding only, without an fsync per commit: the benchmark is about copying the data, not making it.
    await sql`PRAGMA synchronous = OFF`.execute(source.db);
    await seedBackupCaseload(createStore(source), { coreGroups: CORE_GROUPS });
    const counts = await countRows(source);
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(source.db);
    const target = join(dir, 'restored.db');
    figures.push(...(await drill({ engine: 'SQLite', source: { sqliteFile }, target: { sqliteFile: target, open: () => openDatabase({ sqliteFile: target }) }, file: join(dir, 'backup.db'), counts, bytes: statSync(sqliteFile).size })));

    const reachable = await admin.connect().then(() => true, () => false);
    if (!reachable) console.log(`PostgreSQL at ${new URL(POSTGRES_URL).host} is unreachable: the backup benchmark measures SQLite only`);
    else {
      databases.push(`bench_backup_${randomBytes(4).toString('hex')}`, `bench_restore_${randomBytes(4).toString('hex')}`);
      for (const name of databases) await admin.query(`CREATE DATABASE ${name}`);
      const [sourceUrl, targetUrl] = databases.map((name) => Object.assign(new URL(POSTGRES_URL), { pathname: `/${name}` }).toString()) as [string, string];
      const postgres = openDatabase({ url: sourceUrl });
      await copyToPostgres(source, postgres);
      await postgres.close();
      const bytes = Number((await admin.query('select pg_database_size($1) as size', [databases[0]])).rows[0].size);
      const backupOf = (url: string) => ({ url, sqliteFile: '', toolEnv: process.env });
      figures.push(...(await drill({ engine: 'PostgreSQL', source: backupOf(sourceUrl), target: { ...backupOf(targetUrl), open: () => openDatabase({ url: targetUrl }) }, file: join(dir, 'backup.dump'), counts, bytes })));
    }
    await source.close();
  } finally {
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  const worst = (what: string) => Math.max(...figures.filter((figure) => figure.name.includes(what)).map((figure) => figure.value));
  return {
    title: `Backup and restore: ${CORE_GROUPS.toLocaleString('en-GB')} core groups (members, plan revisions, minutes and their versions, check-ins, audit log)`,
    figures,
    targets: [
      { description: `backup ≤ ${BACKUP_TARGET_S} s on each engine`, met: worst('coregroup backup') <= BACKUP_TARGET_S },
      { description: `restore ≤ ${RESTORE_TARGET_S} s on each engine`, met: worst('coregroup restore') <= RESTORE_TARGET_S },
    ],
  };
}
