import { type Kysely, sql } from 'kysely';
import type { Engine } from '../database';

/** The first schema: every table the foundation needs, on SQLite and PostgreSQL alike. */
export function initialSchema(engine: Engine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('core_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('case_reference', 'text', (c) => c.notNull())
        .addColumn('child_name', 'text', (c) => c.notNull())
        .addColumn('policy_id', 'text', (c) => c.notNull())
        .addColumn('icpc_date', 'text', (c) => c.notNull())
        .addColumn('plan_ended_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('core_groups_case_reference', ['tenant_id', 'case_reference'])
        .execute();

      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('aad_object_id', 'text')
        .addColumn('reach', 'text', (c) => c.notNull())
        .addColumn('agency_manager_email', 'text')
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addUniqueConstraint('members_identity', ['core_group_id', 'aad_object_id'])
        .execute();
      await db.schema.createIndex('members_by_aad_object_id').on('members').column('aad_object_id').execute();

      await db.schema
        .createTable('plan_versions')
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('author_member_id', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('changes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('plan_versions_pk', ['core_group_id', 'version'])
        .execute();

      await db.schema
        .createTable('meetings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'text')
        .addColumn('ends_at', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('chair_member_id', 'text')
        .addColumn('minute_taker_member_id', 'text')
        .addColumn('cancellation_reason', 'text')
        .addColumn('booking_key', 'text', (c) => c.unique())
        .execute();
      await db.schema.createIndex('meetings_by_core_group').on('meetings').columns(['core_group_id', 'date']).execute();

      await db.schema
        .createTable('review_conferences')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('circulations')
        .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('circulations_pk', ['meeting_id', 'kind'])
        .execute();

      await db.schema
        .createTable('agency_reports')
        .addColumn('review_conference_id', 'text', (c) => c.notNull().references('review_conferences.id').onDelete('cascade'))
        .addColumn('agency', 'text', (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('agency_reports_pk', ['review_conference_id', 'agency'])
        .execute();

      await db.schema
        .createTable('check_ins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('action_id', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .execute();
      await db.schema.createIndex('check_ins_by_action').on('check_ins').columns(['core_group_id', 'action_id', 'recorded_at']).execute();

      await db.schema
        .createTable('minutes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('meeting_id', 'text', (c) => c.notNull().unique().references('meetings.id').onDelete('cascade'))
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('chair_sign_off', 'text')
        .addColumn('manager_sign_off', 'text')
        .addColumn('amendment_reason', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('minutes_versions')
        .addColumn('minutes_id', 'text', (c) => c.notNull().references('minutes.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('chair_sign_off', 'text')
        .addColumn('manager_sign_off', 'text')
        .addColumn('amendment_reason', 'text')
        .addColumn('saved_by', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('minutes_versions_pk', ['minutes_id', 'version'])
        .execute();

      await db.schema
        .createTable('deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('minutes_id', 'text', (c) => c.notNull().references('minutes.id').onDelete('cascade'))
        .addColumn('minutes_version', 'integer', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();

      await db.schema
        .createTable('concerns')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('raised_by_member_id', 'text', (c) => c.notNull().references('members.id'))
        .addColumn('subject_id', 'text')
        .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('raised_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('conversation_references')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('ref_key', 'text', (c) => c.notNull())
        .addColumn('reference', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('conversation_references_pk', ['tenant_id', 'ref_key'])
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('core_group_id', 'text')
        .addColumn('target_id', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_by_core_group').on('audit_log').columns(['core_group_id', 'at']).execute();
      await appendOnly(db, engine, 'audit_log');

      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('locked_until', 'text')
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_ready').on('jobs').columns(['status', 'run_at']).execute();
    },
  };
}

/** The database itself refuses UPDATE and DELETE on an audit table, whoever connects. */
async function appendOnly(db: Kysely<unknown>, engine: Engine, table: string): Promise<void> {
  if (engine === 'postgres') {
    await sql`CREATE FUNCTION ${sql.raw(`${table}_append_only`)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${sql.raw(table)} is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_append_only`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION ${sql.raw(`${table}_append_only`)}()`.execute(db);
    return;
  }
  for (const operation of ['UPDATE', 'DELETE']) {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${operation.toLowerCase()}`)} BEFORE ${sql.raw(operation)} ON ${sql.table(table)}
      BEGIN SELECT RAISE(ABORT, '${sql.raw(table)} is append-only'); END`.execute(db);
  }
}
