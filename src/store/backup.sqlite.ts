import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InvalidInputError, NotFoundError } from '../domain/errors';
import { writeOnce } from './backup-file';
import { openDatabase } from './database';
import type { DatabaseBackup } from './database-backup';
import { countRows } from './row-counts';

/** Pages per backup step: all of them, so the copy is one read transaction (see `copyDatabase`). */
const ALL_PAGES = 0x7fffffff;

/** A backup this adapter can restore holds the migrations table and the audit log. */
const REQUIRED_TABLES = ['kysely_migration', 'audit_log'];

/** A SQLite database file (WAL mode, as the app opens it), backed up and restored with SQLite's online backup API. */
export function sqliteBackup(file: string): DatabaseBackup {
  return {
    description: `SQLite (${file})`,

    async rowCounts() {
      if (file === ':memory:' || !existsSync(file)) return {};
      const database = openDatabase({ sqliteFile: file });
      try {
        return await countRows(database);
      } finally {
        await database.close();
      }
    },

    async backup(to) {
      if (file === ':memory:') throw new InvalidInputError('the database is in memory (SQLITE_FILE=:memory:): there is nothing on disk to back up');
      if (!existsSync(file)) throw new NotFoundError(`there is no database at ${file} (SQLITE_FILE)`);
      let recoveryPoint = new Date();
      await writeOnce(to, async (partial) => {
        const source = openSqlite(file, { fileMustExist: true });
        try {
          recoveryPoint = await copyDatabase(source, partial);
        } finally {
          source.close();
        }
        // One self-contained file: the copy keeps the source's WAL mode, a backup needs no -wal beside it.
        const copy = openSqlite(partial, { fileMustExist: true });
        try {
          copy.pragma('journal_mode = DELETE');
          checkBackup(copy, to);
        } finally {
          copy.close();
        }
      });
      return { recoveryPoint };
    },

    async verify(backupFile) {
      const backup = openBackup(backupFile);
      backup.close();
    },

    async restore(backupFile) {
      if (file === ':memory:') throw new InvalidInputError('the database is in memory (SQLITE_FILE=:memory:): name a file to restore into');
      mkdirSync(dirname(file), { recursive: true });
      const backup = openBackup(backupFile);
      try {
        await copyDatabase(backup, file);
      } finally {
        backup.close();
      }
    },
  };
}

/**
 * Copies `source` into the database at `destination` (created if absent, replaced if not) with
 * SQLite's online backup API, in one step: one read transaction on the source, so the copy is
 * the database as it stood when the step began, and writers carry on meanwhile (WAL mode). In
 * several steps a write by another process between two of them would restart the copy. The
 * destination is written in one transaction: a copy that fails leaves it as it was. Resolves
 * with the moment the copying step began.
 */
async function copyDatabase(source: BetterSqlite3.Database, destination: string): Promise<Date> {
  let began = new Date();
  await source.backup(destination, {
    progress: () => {
      began = new Date();
      return ALL_PAGES;
    },
  });
  return began;
}

/** Opens a backup file read-only, refusing one that is damaged or is not a Core Group database. */
function openBackup(file: string): BetterSqlite3.Database {
  if (!existsSync(file)) throw new NotFoundError(`there is no backup at ${file}`);
  let backup: BetterSqlite3.Database;
  try {
    backup = openSqlite(file, { readonly: true, fileMustExist: true });
    backup.pragma('schema_version');
  } catch (error) {
    throw new InvalidInputError(`${file} is not a SQLite database (a PostgreSQL dump is restored with DATABASE_URL set)`, { cause: error });
  }
  try {
    checkBackup(backup, file);
    return backup;
  } catch (error) {
    backup.close();
    throw error;
  }
}

/** A backup passes SQLite's integrity and foreign key checks and holds the app's tables. */
function checkBackup(backup: BetterSqlite3.Database, file: string): void {
  const integrity = backup.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') throw new InvalidInputError(`${file} is damaged: SQLite's integrity check says "${String(integrity)}"`);
  const orphans = backup.pragma('foreign_key_check') as unknown[];
  if (orphans.length > 0) throw new InvalidInputError(`${file} is inconsistent: ${orphans.length} rows refer to rows it does not hold`);
  const tables = new Set((backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((row) => row.name));
  const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
  if (missing.length > 0) throw new InvalidInputError(`${file} is not a Core Group database: it has no ${missing.join(' or ')} table`);
}

/**
 * better-sqlite3, loaded on first use: it is a native module, and nothing on PostgreSQL's path
 * should need it.
 */
function openSqlite(file: string, options: BetterSqlite3.Options): BetterSqlite3.Database {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  const Sqlite = require('better-sqlite3') as typeof BetterSqlite3;
  const connection = new Sqlite(file, options);
  connection.pragma('busy_timeout = 5000');
  return connection;
}
