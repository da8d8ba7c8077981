import type { Kysely } from 'kysely';
import type { FamilyCheckInLink } from '../domain/family-check-in-link';
import type { FamilyCheckInLinkRepository } from '../services/ports/store.port';
import type { Database, FamilyCheckInLinkRow } from './schema';

function rowToLink(row: FamilyCheckInLinkRow): FamilyCheckInLink {
  return {
    selector: row.selector,
    verifierHash: row.verifier_hash,
    tenantId: row.tenant_id,
    coreGroupId: row.core_group_id,
    memberId: row.member_id,
    actionId: row.action_id,
    promptId: row.prompt_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at ?? undefined,
  };
}

/** Parents' check-in links on Kysely: written once, then only marked used, by one conditional update. */
export function createFamilyCheckInLinkRepository(db: Kysely<Database>): FamilyCheckInLinkRepository {
  return {
    async save(link) {
      await db
        .insertInto('family_check_in_links')
        .values({
          selector: link.selector,
          verifier_hash: link.verifierHash,
          tenant_id: link.tenantId,
          core_group_id: link.coreGroupId,
          member_id: link.memberId,
          action_id: link.actionId,
          prompt_id: link.promptId,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: link.usedAt ?? null,
        })
        .execute();
    },
    async find(selector) {
      const row = await db.selectFrom('family_check_in_links').selectAll().where('selector', '=', selector).executeTakeFirst();
      return row && rowToLink(row);
    },
    async markUsed(link, at) {
      const result = await db
        .updateTable('family_check_in_links')
        .set({ used_at: at })
        .where('prompt_id', '=', link.promptId)
        .where('action_id', '=', link.actionId)
        .where('member_id', '=', link.memberId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
