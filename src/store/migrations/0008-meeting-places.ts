import type { Kysely } from 'kysely';

/** Where a core group meets: on Teams (empty, as every meeting before), in person or hybrid, and the venue. */
export const meetingPlacesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('meetings').addColumn('mode', 'text').execute();
    await db.schema.alterTable('meetings').addColumn('venue', 'text').execute();
  },
};
