import type { Kysely } from 'kysely';
import type { ConcernKind } from '../domain/escalation';
import type { Concern, ConcernRepository } from '../services/ports/store.port';
import { mapValues, rowsByKey } from './rows-by-key';
import type { ConcernRow, Database } from './schema';

function concernRowToConcern(row: ConcernRow): Concern {
  return {
    id: row.id,
    coreGroupId: row.core_group_id,
    kind: row.kind as ConcernKind,
    raisedByMemberId: row.raised_by_member_id,
    subjectId: row.subject_id ?? undefined,
    step: row.step,
    status: row.status as Concern['status'],
    raisedAt: row.raised_at,
    stepStartedAt: row.step_started_at ?? row.raised_at,
    note: row.note,
  };
}

/**
 * Concerns on Kysely, raised once per idempotency key. A concern moves only from where the mover
 * saw it (compare and set in one UPDATE), so two processes climbing the same step climb it once.
 */
export function createConcernRepository(db: Kysely<Database>): ConcernRepository {
  const listByCoreGroups: ConcernRepository['listByCoreGroups'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('concerns').selectAll().where('core_group_id', 'in', ids).orderBy('raised_at').orderBy('id').execute(), (row) => row.core_group_id);
    return mapValues(grouped, (rows) => rows.map(concernRowToConcern));
  };
  return {
    async raise(concern, idempotencyKey) {
      const inserted = await db
        .insertInto('concerns')
        .values({
          id: concern.id,
          core_group_id: concern.coreGroupId,
          kind: concern.kind,
          raised_by_member_id: concern.raisedByMemberId,
          subject_id: concern.subjectId ?? null,
          step: concern.step,
          status: concern.status,
          idempotency_key: idempotencyKey,
          raised_at: concern.raisedAt,
          note: concern.note ?? '',
          step_started_at: concern.stepStartedAt,
        })
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { concern: concernRowToConcern(inserted), created: true };
      const first = await db.selectFrom('concerns').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirstOrThrow();
      return { concern: concernRowToConcern(first), created: false };
    },
    async listByCoreGroup(coreGroupId) {
      return (await listByCoreGroups([coreGroupId])).get(coreGroupId) ?? [];
    },
    listByCoreGroups,
    async find(id) {
      const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? concernRowToConcern(row) : undefined;
    },
    async listInArea(tenantId, area) {
      const rows = await db
        .selectFrom('concerns')
        .innerJoin('core_groups', 'core_groups.id', 'concerns.core_group_id')
        .selectAll('concerns')
        .where('core_groups.tenant_id', '=', tenantId)
        .where('core_groups.policy_id', '=', area)
        .orderBy('concerns.raised_at')
        .orderBy('concerns.id')
        .execute();
      return rows.map(concernRowToConcern);
    },
    async move(change) {
      const result = await db
        .updateTable('concerns')
        .set({ step: change.to.step, status: change.to.status, ...(change.to.step === change.from.step ? {} : { step_started_at: change.at }) })
        .where('id', '=', change.id)
        .where('step', '=', change.from.step)
        .where('status', '=', change.from.status)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
