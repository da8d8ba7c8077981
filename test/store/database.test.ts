import BetterSqlite3 from 'better-sqlite3';
import { Client } from 'pg';
import { sql } from 'kysely';
import { InvalidInputError } from '../../src/domain/errors';
import { openDatabase, reusingPreparedStatements } from '../../src/store/database';
import { MigrationError, migrateToLatest } from '../../src/store/migrate';
import { ENGINES, freshDatabase } from '../support/databases';
import { rejectionOf } from '../support/rejection';
import { describeEachEngine } from './each-engine';

const ALL_MIGRATIONS = ['0001-initial', '0002-bookings', '0003-concern-notes', '0004-audit-chain', '0005-member-positions', '0006-case-revisions', '0007-review-conference-records', '0008-meeting-places', '0009-transfers', '0011-plan-deliveries', '0012-transfer-in', '0013-institution-tasks', '0014-notice-deliveries', '0015-concern-history', '0016-area-contacts', '0017-family-versions', '0018-family-check-in-links', '0019-notice-attempts', '0020-extra-meetings', '0021-agency-report-texts', '0022-minutes-returns', '0023-filed-documents', '0024-shared-instances', '0025-hot-query-indexes', '0026-rate-send-answers', '0027-app-installs', '0028-language-preferences', '0029-document-languages', '0030-concern-history-facts'];
const postgresAvailable = ENGINES.some((engine) => engine.name === 'postgres' && engine.available);
const onPostgres = postgresAvailable ? describe : describe.skip;

describeEachEngine('migrations', (engine) => {
  test('a fresh database migrates, and migrating again runs nothing', async () => {
    const database = await freshDatabase(engine);
    try {
      expect(await migrateToLatest(database)).toEqual(ALL_MIGRATIONS);
      expect(await migrateToLatest(database)).toEqual([]);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['core_groups', 'members', 'plan_versions', 'meetings', 'minutes', 'minutes_versions', 'audit_log', 'jobs']));
    } finally {
      await database.drop();
    }
  });

  test('a failed migration is a MigrationError naming it, with the database error as its cause, and leaves no half-made tables', async () => {
    const database = await freshDatabase(engine);
    try {
      await sql`CREATE TABLE jobs (id text)`.execute(database.db);
      const failure = await migrateToLatest(database).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(MigrationError);
      expect(failure).toMatchObject({ code: 'migration-failed', message: 'migration 0001-initial failed' });
      expect(String((failure as MigrationError).cause)).toMatch(/jobs/);
      // Only this database's own schema: other schemas on a shared server are not this test's business.
      const own = engine === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema : undefined;
      const tables = (await database.db.introspection.getTables()).filter((table) => own === undefined || table.schema === own);
      expect(tables.map((table) => table.name).filter((name) => name === 'core_groups' || name === 'members')).toEqual([]);
    } finally {
      await database.drop();
    }
  });
});

describe('the SQLite connection', () => {
  test('runs in WAL mode with synchronous FULL, foreign keys on and a busy timeout', async () => {
    const database = await freshDatabase('sqlite');
    try {
      const pragma = async (name: string) => (await sql<Record<string, unknown>>`${sql.raw(`PRAGMA ${name}`)}`.execute(database.db)).rows[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('synchronous')).toEqual({ synchronous: 2 });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await pragma('busy_timeout')).toEqual({ timeout: 5000 });
    } finally {
      await database.drop();
    }
  });

  test('queries issued while a transaction is open wait for it: they never see its uncommitted rows, and all complete', async () => {
    const database = await freshDatabase('sqlite');
    try {
      await sql`CREATE TABLE notes (id integer primary key)`.execute(database.db);
      const count = () => sql<{ n: number }>`SELECT count(*) AS n FROM notes`.execute(database.db).then((result) => result.rows[0]!.n);
      let reads: Promise<number>[] = [];
      const transaction = database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO notes (id) VALUES (1)`.execute(trx);
        reads = Array.from({ length: 200 }, count);
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('rolled back');
      });
      expect(await rejectionOf(transaction)).toBe('rolled back');
      expect(new Set(await Promise.all(reads))).toEqual(new Set([0]));
    } finally {
      await database.drop();
    }
  });

  test('a query run again after a migration changed its table sees the new schema', async () => {
    const database = await freshDatabase('sqlite');
    try {
      await sql`CREATE TABLE notes (id integer primary key)`.execute(database.db);
      await sql`INSERT INTO notes (id) VALUES (1)`.execute(database.db);
      const read = () => sql<Record<string, unknown>>`SELECT * FROM notes`.execute(database.db).then((result) => result.rows);
      expect(await read()).toEqual([{ id: 1 }]);
      await sql`ALTER TABLE notes ADD COLUMN body text NOT NULL DEFAULT 'x'`.execute(database.db);
      expect(await read()).toEqual([{ id: 1, body: 'x' }]);
    } finally {
      await database.drop();
    }
  });
});

describe('reusing prepared SQLite statements', () => {
  test('the same SQL text gets the same statement, the least recently used one is dropped beyond the limit', () => {
    const connection = new BetterSqlite3(':memory:');
    const statements = reusingPreparedStatements(connection, 2);
    try {
      const one = statements.prepare('SELECT 1');
      expect(statements.prepare('SELECT 1')).toBe(one);
      const two = statements.prepare('SELECT 2');
      statements.prepare('SELECT 1');
      statements.prepare('SELECT 3');
      expect(statements.prepare('SELECT 1')).toBe(one);
      expect(statements.prepare('SELECT 2')).not.toBe(two);
    } finally {
      statements.close();
    }
  });

  test('a statement still being iterated is not handed out again: the second caller gets its own', () => {
    const connection = new BetterSqlite3(':memory:');
    const statements = reusingPreparedStatements(connection, 8);
    try {
      const text = 'SELECT value FROM json_each(?)';
      const outer = statements.prepare(text).iterate(['[1,2]']);
      const seen: unknown[] = [];
      for (const row of outer) seen.push(row, statements.prepare(text).all(['[3]']));
      expect(seen).toEqual([{ value: 1 }, [{ value: 3 }], { value: 2 }, [{ value: 3 }]]);
    } finally {
      statements.close();
    }
  });
});

onPostgres('the PostgreSQL pool', () => {
  const url = process.env.POSTGRES_TEST_URL as string;

  test('every pooled connection works in the chosen schema', async () => {
    const database = await freshDatabase('postgres');
    try {
      await migrateToLatest(database);
      const schemas = await Promise.all(
        Array.from({ length: 6 }, () =>
          database.db.connection().execute(async (connection) => {
            const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema, pg_sleep(0.05)`.execute(connection);
            return rows[0]?.schema;
          }),
        ),
      );
      expect(new Set(schemas)).toEqual(new Set([database.schema]));
      const { rows } = await sql<{ table_schema: string }>`SELECT table_schema FROM information_schema.tables WHERE table_name = 'core_groups' AND table_schema = ${database.schema}`.execute(database.db);
      expect(rows).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });

  test('two instances starting at once migrate the database once between them', async () => {
    const database = await freshDatabase('postgres');
    const other = database.reopen();
    try {
      const [first, second] = await Promise.all([migrateToLatest(database), migrateToLatest({ ...other, schema: database.schema })]);
      expect([...first, ...second].sort()).toEqual(ALL_MIGRATIONS);
    } finally {
      await other.close();
      await database.drop();
    }
  });

  test('a schema name that is not a plain identifier is refused before it reaches a connection string', () => {
    expect(() => openDatabase({ url, schema: 'x -c role=postgres' })).toThrow(InvalidInputError);
  });

  test('a pooled connection killed by the server does not end the process, and the next query succeeds', async () => {
    const poolErrors: Error[] = [];
    const database = openDatabase({ url, onPoolError: (error) => poolErrors.push(error) });
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      const { rows } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(database.db);
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
      for (let waited = 0; poolErrors.length === 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(poolErrors).toHaveLength(1);
      await expect(database.ping()).resolves.toBeUndefined();
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
