import type { Kysely } from 'kysely';

/**
 * Minutes the team manager sent back to the chair with comments instead of signing (issue 15):
 * who, when and the comments, as JSON, on the minutes and each saved version; empty for every
 * set of minutes before, as for any never returned.
 */
export const minutesReturnsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('minutes').addColumn('returned', 'text').execute();
    await db.schema.alterTable('minutes_versions').addColumn('returned', 'text').execute();
  },
};
