import type { Kysely } from 'kysely';

/**
 * Parents' check-in links (issue 14, item 6): one row per e-mailed link, found by the token's
 * public selector, holding only the hash of its secret half, bound to one member, one action and
 * one prompt, with when it expires and when it was used.
 */
export const familyCheckInLinksSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('family_check_in_links')
      .addColumn('selector', 'text', (c) => c.primaryKey())
      .addColumn('verifier_hash', 'text', (c) => c.notNull())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('core_group_id', 'text', (c) => c.notNull().references('core_groups.id'))
      .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
      .addColumn('action_id', 'text', (c) => c.notNull())
      .addColumn('prompt_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('family_check_in_links_by_prompt').on('family_check_in_links').columns(['prompt_id', 'action_id', 'member_id']).execute();
  },
};
