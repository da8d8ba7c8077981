import type { Kysely } from 'kysely';

/**
 * Routes that climb (issue 14): when a concern's current step started (its response window runs
 * from then; a concern from before this keeps its raising time), and the concern's history — every
 * transition (raised, told, acknowledged, escalated, climbed, resolved, granted, refused), in order.
 */
export const concernHistorySchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('concerns').addColumn('step_started_at', 'text').execute();
    await db.schema
      .createTable('concern_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('concern_id', 'text', (c) => c.notNull().references('concerns.id').onDelete('cascade'))
      .addColumn('step', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text')
      .addColumn('text', 'text')
      .addColumn('detail', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('concern_history_by_concern').on('concern_history').columns(['concern_id', 'at']).execute();
  },
};
