import type { Kysely } from 'kysely';

/** What a review conference decided (continue, end, category-changed), who chaired it and the next review date it set. */
export const reviewConferenceRecordsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('review_conferences').addColumn('outcome', 'text').execute();
    await db.schema.alterTable('review_conferences').addColumn('chair_name', 'text').execute();
    await db.schema.alterTable('review_conferences').addColumn('next_review_date', 'text').execute();
  },
};
