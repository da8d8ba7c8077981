import type { Kysely } from 'kysely';

/**
 * The language each core group's documents are written in — English, Welsh or both (issue 17):
 * one row a group, the latest choice kept with who made it.
 */
export const documentLanguagesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('document_languages')
      .addColumn('core_group_id', 'text', (c) => c.primaryKey().references('core_groups.id').onDelete('cascade'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('chosen_by', 'text', (c) => c.notNull())
      .addColumn('chosen_at', 'text', (c) => c.notNull())
      .execute();
  },
};
