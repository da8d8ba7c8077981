import type { Kysely } from 'kysely';

/**
 * Conference chairs / IROs and co-ordinators configured per area (issue 14), not only as group
 * members: a group's area is its policy profile, so an area is a tenant and a profile id.
 */
export const areaContactsSchema = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('area_contacts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('area', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('aad_object_id', 'text')
      .addColumn('email', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('area_contacts_by_area').on('area_contacts').columns(['tenant_id', 'area']).execute();
    await db.schema.createIndex('area_contacts_by_identity').on('area_contacts').columns(['tenant_id', 'aad_object_id']).execute();
  },
};
