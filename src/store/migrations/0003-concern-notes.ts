import type { Kysely } from 'kysely';

/** What the member wrote when raising a concern: case content, shown 1:1 to the people it is routed to, never logged. */
export const concernNotesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('concerns').addColumn('note', 'text', (c) => c.notNull().defaultTo('')).execute();
  },
};
