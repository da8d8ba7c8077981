import type BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase, type SqliteDialectConfig, SqliteDriver, sql } from 'kysely';
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

export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** How to reach the database; `onPoolError` hears about PostgreSQL connections that broke while idle. */
export interface DatabaseOptions {
  readonly url?: string | undefined;
  readonly sqliteFile?: string;
  readonly schema?: string;
  readonly onPoolError?: (error: Error) => void;
}

/** How many prepared SQLite statements are kept for reuse (the app issues far fewer distinct ones). */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Opens PostgreSQL when a `postgres://` URL is given (production, several instances sharing
 * one store), otherwise SQLite at a local file (the embedded default). SQLite runs in WAL mode
 * with `synchronous = FULL` (a committed change survives power loss) and foreign keys on, and
 * reuses prepared statements (see `reusingPreparedStatements`).
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
  const Sqlite = loadBetterSqlite3();
  const connection = new Sqlite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = FULL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new FairSqliteDialect({ database: reusingPreparedStatements(connection, STATEMENT_CACHE_SIZE) }) });
  return { db, engine: 'sqlite', close: () => db.destroy(), ping: () => sql`select 1`.execute(db).then(() => undefined) };
}

/**
 * better-sqlite3, loaded only when SQLite is used. It is an optional dependency with a native
 * build: production runs on PostgreSQL and installs without it (`npm install --omit=dev
 * --omit=optional`), so nothing on PostgreSQL's path may load it.
 */
function loadBetterSqlite3(): typeof BetterSqlite3 {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, see above
    return require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error('SQLite needs the optional package better-sqlite3, which this install left out or could not build (run `npm install`); production runs on PostgreSQL (DATABASE_URL)', { cause: error });
  }
}

/**
 * The SQLite connection as Kysely sees it, but preparing each distinct SQL text once. Kysely's
 * SQLite driver prepares every query it runs, and preparing one of this app's small indexed
 * reads costs about as much as running it (a `/coregroup status` turn prepared 16 statements,
 * about a third of its database time). Up to `size` statements are kept, the least recently used
 * dropped first; one still being iterated (a streamed query) is not shared, the second caller
 * gets a fresh one. SQLite re-prepares a kept statement by itself when the schema has changed.
 */
export function reusingPreparedStatements(connection: BetterSqlite3.Database, size: number): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(text) {
      const cached = statements.get(text);
      if (cached && !cached.busy) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = connection.prepare(text);
      if (!cached) {
        statements.set(text, statement);
        if (statements.size > size) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
    close() {
      statements.clear();
      connection.close();
    },
  };
}

/** A lock handed to its waiters in the order they asked, one at a time. */
class FifoLock {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  acquire(): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }
}

/**
 * Kysely's SQLite driver with its one connection handed out in turn. Kysely's own mutex wakes
 * every waiter on each release and all but one go back to waiting, so n queries queued at once
 * cost n² wake-ups: when a group commit of the audit log let fifty requests go on together, that
 * was 200 KB of promises per `/coregroup status`. Waiters queue here instead, first come first
 * served, and reach Kysely's mutex only when it is free.
 */
class FairSqliteDriver extends SqliteDriver {
  readonly #turns = new FifoLock();

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.acquire();
    try {
      return await super.acquireConnection();
    } catch (error) {
      this.#turns.release();
      throw error;
    }
  }

  override async releaseConnection(): Promise<void> {
    await super.releaseConnection();
    this.#turns.release();
  }

  /**
   * `BEGIN IMMEDIATE`, not Kysely's deferred `BEGIN`: the write lock is taken (waiting up to the
   * busy timeout) before the transaction reads. A deferred transaction that reads and then writes
   * while another process (the admin CLI, a second `npm start` on the same file) committed in
   * between fails at once with "database is locked" — SQLite cannot wait there without breaking
   * isolation, so its busy handler is never called.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class FairSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new FairSqliteDriver(this.#config);
  }
}

/** True when a write failed on a primary key or unique constraint (both engines). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Which constraint a unique violation hit, for an error's internal message: PostgreSQL's
 * constraint name, or the columns SQLite names. Never the key's value (PostgreSQL's `detail`
 * quotes it, and it can be personal data).
 */
export function uniqueViolationOf(error: unknown): string {
  const failure = error as { constraint?: unknown; message?: unknown } | null;
  if (typeof failure?.constraint === 'string') return `unique violation on ${failure.constraint}`;
  const columns = typeof failure?.message === 'string' ? /constraint failed: ([\w., ]+)/.exec(failure.message)?.[1] : undefined;
  return columns ? `unique violation on ${columns}` : 'unique violation';
}
