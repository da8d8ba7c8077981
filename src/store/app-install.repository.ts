import type { Kysely } from 'kysely';
import type { AppInstallOutcome } from '../services/ports/teamwork.port';
import type { AppInstallRepository } from '../services/ports/store.port';
import type { Database } from './schema';

/** How installing the app went for each person, on Kysely: one row a person in a tenant, the latest answer kept. */
export function createAppInstallRepository(db: Kysely<Database>): AppInstallRepository {
  return {
    async record({ tenantId, aadObjectId, outcome, at }) {
      await db
        .insertInto('app_installs')
        .values({ tenant_id: tenantId, aad_object_id: aadObjectId, outcome, at })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'aad_object_id']).doUpdateSet({ outcome, at }))
        .execute();
    },
    async outcomesOf(tenantId, aadObjectIds) {
      if (aadObjectIds.length === 0) return new Map();
      const rows = await db.selectFrom('app_installs').select(['aad_object_id', 'outcome']).where('tenant_id', '=', tenantId).where('aad_object_id', 'in', aadObjectIds).execute();
      return new Map(rows.map((row) => [row.aad_object_id, row.outcome as AppInstallOutcome]));
    },
    async notAllowedIn(tenantId, coreGroupIds) {
      if (coreGroupIds.length === 0) return [];
      const rows = await db
        .selectFrom('members')
        .innerJoin('app_installs', 'app_installs.aad_object_id', 'members.aad_object_id')
        .select(['members.core_group_id', 'members.id', 'members.display_name', 'members.agency', 'app_installs.at'])
        .where('app_installs.tenant_id', '=', tenantId)
        .where('app_installs.outcome', '=', 'not-allowed')
        .where('members.core_group_id', 'in', coreGroupIds)
        .where('members.active', '=', 1)
        .orderBy('members.display_name')
        .execute();
      return rows.map((row) => ({ coreGroupId: row.core_group_id, member: { id: row.id, displayName: row.display_name, agency: row.agency }, at: row.at }));
    },
  };
}
