import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';

/**
 * Where each table that a case's status is judged from finds its core group: the column itself,
 * or through the meeting or review conference the row belongs to. A table added later that the
 * status reads must be added here (in a new migration) too, or the status cache would keep a
 * stale judgement: test/store/case-revisions.test.ts writes to each one.
 */
const CASE_TABLES = {
  members: 'direct',
  plan_versions: 'direct',
  meetings: 'direct',
  review_conferences: 'direct',
  check_ins: 'direct',
  minutes: 'direct',
  circulations: 'meeting',
  agency_reports: 'review',
} as const;

type Path = (typeof CASE_TABLES)[keyof typeof CASE_TABLES];

/** The SQLite expression for the core group of a row (`row`: NEW or OLD). */
function sqliteGroupOf(path: Path, row: 'NEW' | 'OLD'): string {
  if (path === 'meeting') return `(SELECT core_group_id FROM meetings WHERE id = ${row}.meeting_id)`;
  if (path === 'review') return `(SELECT core_group_id FROM review_conferences WHERE id = ${row}.review_conference_id)`;
  return `${row}.core_group_id`;
}

/**
 * A revision number on each core group that the database itself moves on whenever anything a
 * case's status is judged from changes — a member, the plan, a meeting, a review conference, a
 * check-in, minutes, a circulation, an agency report — by triggers, so no write path (the app,
 * the admin CLI, a restore, someone at the SQL prompt) can change a case without it. A judged
 * status is kept against the revision it was judged at (`judged-status-cache.ts`); a new
 * revision means judging again.
 */
export function caseRevisionsSchema(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('core_groups').addColumn('revision', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
      if (engine === 'postgres') {
        await sql`CREATE FUNCTION core_group_revision() RETURNS trigger LANGUAGE plpgsql AS $$
          DECLARE
            changed record;
            group_id text;
          BEGIN
            IF TG_OP = 'DELETE' THEN changed := OLD; ELSE changed := NEW; END IF;
            IF TG_ARGV[0] = 'meeting' THEN
              SELECT core_group_id INTO group_id FROM meetings WHERE id = changed.meeting_id;
            ELSIF TG_ARGV[0] = 'review' THEN
              SELECT core_group_id INTO group_id FROM review_conferences WHERE id = changed.review_conference_id;
            ELSE
              group_id := changed.core_group_id;
            END IF;
            UPDATE core_groups SET revision = revision + 1 WHERE id = group_id;
            RETURN NULL;
          END $$`.execute(db);
        for (const [table, path] of Object.entries(CASE_TABLES)) {
          await sql
            .raw(`CREATE TRIGGER ${table}_case_revision AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION core_group_revision('${path}')`)
            .execute(db);
        }
        return;
      }
      for (const [table, path] of Object.entries(CASE_TABLES)) {
        for (const [operation, row] of [['INSERT', 'NEW'], ['UPDATE', 'NEW'], ['DELETE', 'OLD']] as const) {
          await sql
            .raw(`CREATE TRIGGER ${table}_case_revision_${operation.toLowerCase()} AFTER ${operation} ON ${table}
              BEGIN UPDATE core_groups SET revision = revision + 1 WHERE id = ${sqliteGroupOf(path, row)}; END`)
            .execute(db);
        }
      }
    },
  };
}
