import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog } from '../services/ports/store.port';
import type { Database } from './schema';

/** The audit log on Kysely: append and read, nothing else (the database also refuses UPDATE and DELETE). */
export function createAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async append(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at,
          tenant_id: entry.tenantId,
          actor: entry.actor,
          action: entry.action,
          core_group_id: entry.coreGroupId ?? null,
          target_id: entry.targetId ?? null,
          outcome: entry.outcome,
        })
        .execute();
    },
    async listByCoreGroup(coreGroupId, options = {}) {
      const rows = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('core_group_id', '=', coreGroupId)
        .orderBy('id')
        .limit(options.limit ?? 1000)
        .execute();
      return rows.map(
        (row): AuditEntry => ({
          at: row.at,
          tenantId: row.tenant_id,
          actor: row.actor,
          action: row.action,
          coreGroupId: row.core_group_id ?? undefined,
          targetId: row.target_id ?? undefined,
          outcome: row.outcome as AuditEntry['outcome'],
        }),
      );
    },
  };
}
