import { sql } from 'kysely';
import type { OpenDatabase } from './database';

/** Rows per table, by table name. */
export type RowCounts = Readonly<Record<string, number>>;

/** Kysely's migration bookkeeping: present in a migrated database that holds no data yet. */
const BOOKKEEPING_TABLES: ReadonlySet<string> = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * How many rows each of the database's tables holds (on PostgreSQL, the tables of its schema:
 * the one it was opened in, else the connection's current one). Exists so that a restore can
 * refuse to overwrite data, and so that a restored database can be compared with its source.
 * Each count is its own statement: while the app writes, the counts are of slightly different moments.
 */
export async function countRows(database: Pick<OpenDatabase, 'db' | 'engine' | 'schema'>): Promise<RowCounts> {
  const { db, engine, schema } = database;
  const tables =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = ${schema ?? sql`current_schema()`} and table_type = 'BASE TABLE'`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of [...tables.rows].sort((a, b) => a.name.localeCompare(b.name))) {
    const table = engine === 'postgres' && schema ? sql.id(schema, name) : sql.id(name);
    const { rows } = await sql<{ count: number | string }>`select count(*) as count from ${table}`.execute(db);
    counts[name] = Number(rows[0]?.count ?? 0);
  }
  return counts;
}

/** The rows that hold the app's data: every table's but the migration bookkeeping's. */
export function dataRows(counts: RowCounts): number {
  return Object.entries(counts)
    .filter(([table]) => !BOOKKEEPING_TABLES.has(table))
    .reduce((sum, [, rows]) => sum + rows, 0);
}
