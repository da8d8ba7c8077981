import { type Kysely, sql } from 'kysely';

/**
 * Every notice to a person follows one delivery policy, and each attempt is recorded (issue 14):
 * the attempts of every kind of notice go into `notice_deliveries`, with the core group they
 * belong to (the dashboard lists a group's failed notices), the job that made them and its attempt
 * (a later attempt, or a resend, is what is true now). Concern notices recorded before are given
 * their group from the concern.
 */
export const noticeAttemptsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('notice_deliveries').addColumn('core_group_id', 'text').execute();
    await db.schema.alterTable('notice_deliveries').addColumn('job_id', 'text').execute();
    await db.schema.alterTable('notice_deliveries').addColumn('attempt', 'integer').execute();
    await sql`update notice_deliveries set core_group_id = (select concerns.core_group_id from concerns where concerns.id = notice_deliveries.subject_id) where kind = 'concern'`.execute(db);
    await db.schema.createIndex('notice_deliveries_by_core_group').on('notice_deliveries').columns(['core_group_id', 'at']).execute();
  },
};
