import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Engine } from './database';
import { initialSchema } from './migrations/0001-initial';
import { bookingsSchema } from './migrations/0002-bookings';
import type { Database } from './schema';

/** Versioned migrations, in order. Names sort; a released migration is never edited, only followed. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialSchema(engine),
    '0002-bookings': bookingsSchema,
  };
}

/** A migration failed; `cause` is the database's error and nothing after it ran. */
export class MigrationError extends Error {
  readonly code = 'migration-failed' as const;
}

/** Brings the database to the latest schema; returns the names of the migrations that ran (none when up to date). */
export async function migrateToLatest(database: { db: Kysely<Database>; engine: Engine; schema?: string | undefined }): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(database.engine) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  const migrator = new Migrator({ db: database.db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
