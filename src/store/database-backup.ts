import { postgresBackup } from './backup.pg-dump';
import { sqliteBackup } from './backup.sqlite';
import type { RowCounts } from './row-counts';

/**
 * Backing up the app's database to a file and restoring it from one: one adapter per engine
 * (SQLite's online backup API; PostgreSQL's pg_dump and pg_restore).
 */
export interface DatabaseBackup {
  /** The database, said without credentials. */
  readonly description: string;
  /** Rows per table in the database now; none when it does not exist yet. */
  rowCounts(): Promise<RowCounts>;
  /**
   * Writes a consistent copy of the database to `file`, which must not exist yet, readable by its
   * owner only; a copy that fails its checks is not left behind. Resolves with the recovery point:
   * the moment the copy is of (writes committed after it are not in it).
   */
  backup(file: string): Promise<{ readonly recoveryPoint: Date }>;
  /** Refuses a file that is not a Core Group backup this adapter can restore. */
  verify(file: string): Promise<void>;
  /** Replaces what the database holds with the backup's content, all or nothing. */
  restore(file: string): Promise<void>;
}

/** Where the database is: a `postgres://` URL (and schema), or a SQLite file. */
export interface BackupOptions {
  readonly url?: string | undefined;
  readonly sqliteFile: string;
  /** PostgreSQL only: the schema holding the app's tables (default `public`). */
  readonly schema?: string | undefined;
  /** PostgreSQL only: the environment pg_dump and pg_restore run in (PATH, PGSSLROOTCERT, …). */
  readonly toolEnv?: Readonly<Record<string, string | undefined>>;
}

/** The backup adapter for the configured engine. */
export function databaseBackup(options: BackupOptions): DatabaseBackup {
  if (options.url) return postgresBackup({ url: options.url, schema: options.schema ?? 'public', toolEnv: options.toolEnv ?? {} });
  return sqliteBackup(options.sqliteFile);
}
