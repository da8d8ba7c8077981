import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Pool } from 'pg';
import { InvalidInputError } from '../domain/errors';
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

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** How to reach the database; `onPoolError` hears about PostgreSQL connections that broke while idle. */
export interface DatabaseOptions {
  readonly url?: string | undefined;
  readonly sqliteFile?: string;
  readonly schema?: string;
  readonly onPoolError?: (error: Error) => void;
}

/**
 * Opens PostgreSQL when a `postgres://` URL is given (production, several instances sharing
 * one store), otherwise SQLite at a local file (the embedded default). SQLite runs in WAL mode
 * with `synchronous = FULL` (a committed change survives power loss) and foreign keys on.
 * `schema` confines every PostgreSQL connection of the pool to one schema (tests use a fresh one each).
 */
export function openDatabase(options: DatabaseOptions): OpenDatabase {
  if (options.url) {
    const { schema } = options;
    if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new InvalidInputError(`"${schema}" is not a usable PostgreSQL schema name`);
    const pool = new Pool({
      connectionString: options.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    // pg emits 'error' when an idle connection dies (server restart, failover); with no listener
    // Node ends the process. The pool has already dropped that connection and opens a new one on demand.
    pool.on('error', (error) => options.onPoolError?.(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', schema, close: () => db.destroy(), ping: () => sql`select 1`.execute(db).then(() => undefined) };
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
