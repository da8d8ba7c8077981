import type { Kysely } from 'kysely';

/**
 * Whether the app could be installed for each person the app has tried to (issue 17): installed,
 * there already, or not allowed by their organisation — then the bot cannot reach them 1:1 or in
 * their activity feed, and the lead social worker is shown so. One row a person in a tenant, the
 * latest answer kept.
 */
export const appInstallsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('app_installs')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('aad_object_id', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('app_installs_pk', ['tenant_id', 'aad_object_id'])
      .execute();
  },
};
