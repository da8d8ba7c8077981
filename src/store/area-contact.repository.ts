import type { Kysely } from 'kysely';
import type { AreaContact, AreaContactRole } from '../domain/concern-steps';
import type { AreaContactRepository } from '../services/ports/store.port';
import type { AreaContactRow, Database } from './schema';

function areaContactRowToContact(row: AreaContactRow): AreaContact {
  return { id: row.id, tenantId: row.tenant_id, area: row.area, name: row.name, role: row.role as AreaContactRole, aadObjectId: row.aad_object_id ?? undefined, email: row.email ?? undefined };
}

/** Area contacts on Kysely, always read within one tenant. */
export function createAreaContactRepository(db: Kysely<Database>): AreaContactRepository {
  return {
    async add(contact, at) {
      const inserted = await db
        .insertInto('area_contacts')
        .values({ id: contact.id, tenant_id: contact.tenantId, area: contact.area, name: contact.name, role: contact.role, aad_object_id: contact.aadObjectId ?? null, email: contact.email ?? null, added_at: at })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return { created: inserted !== undefined };
    },
    async list(tenantId, area) {
      let query = db.selectFrom('area_contacts').selectAll().where('tenant_id', '=', tenantId);
      if (area !== undefined) query = query.where('area', '=', area);
      return (await query.orderBy('area').orderBy('role').orderBy('name').execute()).map(areaContactRowToContact);
    },
    async remove(tenantId, id) {
      const result = await db.deleteFrom('area_contacts').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
    async byIdentity(tenantId, aadObjectId) {
      return (await db.selectFrom('area_contacts').selectAll().where('tenant_id', '=', tenantId).where('aad_object_id', '=', aadObjectId).execute()).map(areaContactRowToContact);
    },
  };
}
