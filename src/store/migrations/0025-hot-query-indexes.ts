import type { Kysely } from 'kysely';

/**
 * Indexes for queries that run on every bot activity, status or tab request, which found their
 * rows by scanning the whole table — harmless in a demo, not with a country's core groups (issue
 * 16; `test/store/hot-queries.test.ts` checks each such query's plan on a populated PostgreSQL
 * database): a meeting by its Teams chat (every meeting-chat activity, the minutes tab, the
 * Outlook add-in) and by its calendar event (Graph's change notifications); a group's review
 * conferences and concerns (every status); a set of minutes' deliveries (circulation).
 */
export const hotQueryIndexesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('meetings_by_chat').on('meetings').columns(['chat_id', 'date']).execute();
    await db.schema.createIndex('meetings_by_calendar_event').on('meetings').column('calendar_event_id').execute();
    await db.schema.createIndex('review_conferences_by_core_group').on('review_conferences').columns(['core_group_id', 'date']).execute();
    await db.schema.createIndex('concerns_by_core_group').on('concerns').column('core_group_id').execute();
    await db.schema.createIndex('deliveries_by_minutes').on('deliveries').columns(['minutes_id', 'minutes_version']).execute();
  },
};
