import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Pool } from 'pg';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, which engine it is, and how to close it. */
export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** The PostgreSQL schema this connection is confined to, if any. */
  readonly schema?: string | undefined;
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query (health checks). */
  ping(): Promise<void>;
}

/**
 * Opens PostgreSQL when a `postgres://` URL is given (production, several instances sharing
 * one store), otherwise SQLite at a local file (the embedded default). SQLite runs in WAL mode
 * with `synchronous = FULL` (a committed change survives power loss) and foreign keys on.
 * `schema` confines a PostgreSQL connection to one schema (tests use a fresh one each).
 */
export function openDatabase(options: { url?: string | undefined; sqliteFile?: string; schema?: string }): OpenDatabase {
  if (options.url) {
    const pool = new Pool({
      connectionString: options.url,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', schema: options.schema, close: () => db.destroy(), ping: () => sql`select 1`.execute(db).then(() => undefined) };
  }
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const connection = new BetterSqlite3(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  return { db, engine: 'sqlite', close: () => db.destroy(), ping: () => sql`select 1`.execute(db).then(() => undefined) };
}

/** True when a write failed on a primary key or unique constraint (both engines). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
