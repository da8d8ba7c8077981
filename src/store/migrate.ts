import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import type { Engine } from './database';
import { initialSchema } from './migrations/0001-initial';
import { bookingsSchema } from './migrations/0002-bookings';
import { concernNotesSchema } from './migrations/0003-concern-notes';
import { auditChainSchema } from './migrations/0004-audit-chain';
import { memberPositionsSchema } from './migrations/0005-member-positions';
import { caseRevisionsSchema } from './migrations/0006-case-revisions';
import { reviewConferenceRecordsSchema } from './migrations/0007-review-conference-records';
import { meetingPlacesSchema } from './migrations/0008-meeting-places';
import { transfersSchema } from './migrations/0009-transfers';
import { transferInSchema } from './migrations/0012-transfer-in';
import { institutionTasksSchema } from './migrations/0013-institution-tasks';
import { planDeliveriesSchema } from './migrations/0011-plan-deliveries';
import { noticeDeliveriesSchema } from './migrations/0014-notice-deliveries';
import { concernHistorySchema } from './migrations/0015-concern-history';
import { areaContactsSchema } from './migrations/0016-area-contacts';
import { familyVersionsSchema } from './migrations/0017-family-versions';
import { familyCheckInLinksSchema } from './migrations/0018-family-check-in-links';
import { noticeAttemptsSchema } from './migrations/0019-notice-attempts';
import { extraMeetingsSchema } from './migrations/0020-extra-meetings';
import { agencyReportTextsSchema } from './migrations/0021-agency-report-texts';
import { minutesReturnsSchema } from './migrations/0022-minutes-returns';
import { filedDocumentsSchema } from './migrations/0023-filed-documents';
import { sharedInstancesSchema } from './migrations/0024-shared-instances';
import { hotQueryIndexesSchema } from './migrations/0025-hot-query-indexes';
import { rateSendAnswersSchema } from './migrations/0026-rate-send-answers';
import { appInstallsSchema } from './migrations/0027-app-installs';
import { languagePreferencesSchema } from './migrations/0028-language-preferences';
import { documentLanguagesSchema } from './migrations/0029-document-languages';
import { concernHistoryFactsSchema } from './migrations/0030-concern-history-facts';
import type { Database } from './schema';

/** Versioned migrations, in order. Names sort; a released migration is never edited, only followed. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialSchema(engine),
    '0002-bookings': bookingsSchema,
    '0003-concern-notes': concernNotesSchema,
    '0004-audit-chain': auditChainSchema(engine),
    '0005-member-positions': memberPositionsSchema,
    '0006-case-revisions': caseRevisionsSchema(engine),
    '0007-review-conference-records': reviewConferenceRecordsSchema,
    '0008-meeting-places': meetingPlacesSchema,
    '0009-transfers': transfersSchema,
    '0011-plan-deliveries': planDeliveriesSchema,
    '0012-transfer-in': transferInSchema,
    '0013-institution-tasks': institutionTasksSchema,
    '0014-notice-deliveries': noticeDeliveriesSchema,
    '0015-concern-history': concernHistorySchema,
    '0016-area-contacts': areaContactsSchema,
    '0017-family-versions': familyVersionsSchema,
    '0018-family-check-in-links': familyCheckInLinksSchema,
    '0019-notice-attempts': noticeAttemptsSchema,
    '0020-extra-meetings': extraMeetingsSchema,
    '0021-agency-report-texts': agencyReportTextsSchema,
    '0022-minutes-returns': minutesReturnsSchema,
    '0023-filed-documents': filedDocumentsSchema(engine),
    '0024-shared-instances': sharedInstancesSchema,
    '0025-hot-query-indexes': hotQueryIndexesSchema,
    '0026-rate-send-answers': rateSendAnswersSchema,
    '0027-app-installs': appInstallsSchema,
    '0028-language-preferences': languagePreferencesSchema,
    '0029-document-languages': documentLanguagesSchema,
    '0030-concern-history-facts': concernHistoryFactsSchema,
  };
}

/** A migration failed; `cause` is the database's error and nothing after it ran. */
export class MigrationError extends Error {
  readonly code = 'migration-failed' as const;
}

interface MigratableDatabase {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  readonly schema?: string | undefined;
}

/**
 * Brings the database to the latest schema; returns the names of the migrations that ran (none
 * when up to date). All or nothing on both engines: PostgreSQL runs them in one transaction under
 * Kysely's advisory lock; SQLite (where Kysely takes no lock) inside `BEGIN IMMEDIATE`, so a
 * second process waits for the first and a failure leaves no half-made tables behind.
 */
export async function migrateToLatest(database: MigratableDatabase): Promise<string[]> {
  if (database.engine === 'postgres') return runMigrations(database.db, database);
  return database.db.connection().execute(async (connection) => {
    await sql`BEGIN IMMEDIATE`.execute(connection);
    try {
      const ran = await runMigrations(connection, database);
      await sql`COMMIT`.execute(connection);
      return ran;
    } catch (error) {
      await sql`ROLLBACK`.execute(connection);
      throw error;
    }
  });
}

/**
 * Brings the database up to and including the migration `name`, no further (PostgreSQL; for
 * migrations tested on a database holding data written before them). Returns what ran.
 */
export function migrateUpTo(database: MigratableDatabase & { engine: 'postgres' }, name: string): Promise<string[]> {
  return runMigrations(database.db, database, name);
}

async function runMigrations(db: Kysely<Database>, database: MigratableDatabase, upTo?: string): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(database.engine) };
  // Kysely looks for its bookkeeping tables in every schema unless told which one is ours.
  const migrator = new Migrator({ db, provider, ...(database.schema ? { migrationTableSchema: database.schema } : {}) });
  const { error, results } = upTo === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(upTo);
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
