import type { Kysely } from 'kysely';

/** Bookings on the calendar, invitation replies per member, and Graph change-notification subscriptions. */
export const bookingsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('meetings').addColumn('organiser', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('calendar_event_id', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('join_url', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('chat_id', 'text').execute();
    await db.schema
      .createTable('meeting_invitations')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_invitations_pk', ['meeting_id', 'member_id'])
      .execute();
    await db.schema
      .createTable('calendar_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organiser', 'text', (c) => c.notNull())
      .addColumn('client_state_sha256', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
};
