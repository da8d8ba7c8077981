import type { Kysely } from 'kysely';

/**
 * Extra core groups (seed 001, issue 14): the granted extra meeting request a meeting was booked
 * for (empty for every meeting of the regular series, as every meeting before). It keeps the extra
 * meeting out of the series and books each granted request once.
 */
export const extraMeetingsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('meetings').addColumn('granted_by_concern_id', 'text').execute();
  },
};
