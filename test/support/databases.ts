import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type OpenDatabase, openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrate';
import { loadWorkingDayCalendars } from '../../src/holidays/working-day-calendars';
import { seedDemoCoreGroup } from '../../src/local/demo/demo-core-group.seed';
import type { Clock } from '../../src/services/ports/clock.port';
import { createStore } from '../../src/store/store';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase extends OpenDatabase {
  readonly drop: () => Promise<void>;
  /** A second, independent connection to the same database (another app instance). */
  readonly reopen: () => OpenDatabase;
}

export const postgresUrl = process.env.POSTGRES_TEST_URL;

/** The engines this run can test: SQLite always; PostgreSQL when global setup reached it. */
export const ENGINES: readonly { name: 'sqlite' | 'postgres'; available: boolean }[] = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: postgresUrl !== undefined },
];

/** A fresh, unmigrated database: a temp SQLite file, or a new PostgreSQL schema. */
export async function freshDatabase(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const file = join(mkdtempSync(join(tmpdir(), 'coregroup-store-')), 'test.db');
    const database = openDatabase({ sqliteFile: file });
    return { ...database, drop: () => database.close(), reopen: () => openDatabase({ sqliteFile: file }) };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = openDatabase({ url: postgresUrl, schema });
  return {
    ...database,
    reopen: () => openDatabase({ url: postgresUrl, schema }),
    drop: async () => {
      await database.close();
      const cleanup = new Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}

/** A fresh database at the latest schema. */
export async function migratedDatabase(engine: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  const database = await freshDatabase(engine);
  await migrateToLatest(database);
  return database;
}

/** A migrated SQLite database holding the demo core group, seeded as of the given clock. */
export async function demoDatabase(clock: Clock) {
  const database = await migratedDatabase('sqlite');
  const store = createStore(database);
  const calendars = loadWorkingDayCalendars();
  const { coreGroupId } = await seedDemoCoreGroup({ coreGroups: store.coreGroups, plans: store.plans, clock, calendar: calendars['england-and-wales'] });
  return { database, store, calendars, coreGroupId };
}
