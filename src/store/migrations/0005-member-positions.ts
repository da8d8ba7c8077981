import type { Kysely } from 'kysely';

/** What each member is to the case in plain words (health visitor, parent/carer); empty for members from before, read as the nearest to their role. */
export const memberPositionsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('members').addColumn('position', 'text').execute();
  },
};
