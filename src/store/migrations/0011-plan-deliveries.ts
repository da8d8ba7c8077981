import type { Kysely } from 'kysely';

/**
 * The plan's circulation after each core group (seed 001): each delivery of a plan version to a
 * member, kept like the minutes' deliveries, and each member's word that it did not reach them
 * (seed 003) — once per member, meeting and plan version.
 */
export const planDeliveriesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('plan_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('plan_version', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('resent', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('plan_deliveries_by_meeting').on('plan_deliveries').columns(['meeting_id', 'plan_version']).execute();

    await db.schema
      .createTable('plan_not_received')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('plan_version', 'integer', (c) => c.notNull())
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_not_received_pk', ['meeting_id', 'plan_version', 'member_id'])
      .execute();
  },
};
