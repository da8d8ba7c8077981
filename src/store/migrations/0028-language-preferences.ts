import type { Kysely } from 'kysely';

/**
 * The language each person chose for Core Group (`/coregroup language cymraeg|english`, issue 17),
 * overriding their Teams locale: one row a person in a tenant.
 */
export const languagePreferencesSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('language_preferences')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('aad_object_id', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('chosen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('language_preferences_pk', ['tenant_id', 'aad_object_id'])
      .execute();
  },
};
