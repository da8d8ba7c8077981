import type { Kysely } from 'kysely';

/**
 * The family version of each meeting's record (issue 14): every reviewed version is kept — what
 * was prepared from which signed minutes and plan version, what the reviewer removed or reworded,
 * the summary, and who signed it off — so the record shows what the family was sent. Minutes
 * saved before sharing became the default keep their sharing decision in their content, as saved.
 */
export const familyVersionsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('family_versions')
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('minutes_id', 'text', (c) => c.notNull().references('minutes.id'))
      .addColumn('minutes_version', 'integer', (c) => c.notNull())
      .addColumn('plan_version', 'integer')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('signed_off_by', 'text')
      .addColumn('signed_off_at', 'text')
      .addColumn('saved_by', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('family_versions_pk', ['meeting_id', 'version'])
      .execute();
  },
};
