import type { Kysely } from 'kysely';
import { NotFoundError, RuleViolationError } from '../domain/errors';
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
    note: row.note,
  };
}

/**
 * Concerns on Kysely, raised once per idempotency key. Only an open concern moves up its route or
 * closes; closing it again the same way is a harmless retry, the other way a rule violation.
 */
export function createConcernRepository(db: Kysely<Database>): ConcernRepository {
  const listByCoreGroups: ConcernRepository['listByCoreGroups'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('concerns').selectAll().where('core_group_id', 'in', ids).orderBy('raised_at').orderBy('id').execute(), (row) => row.core_group_id);
    return mapValues(grouped, (rows) => rows.map(concernRowToConcern));
  };
  const find = async (id: string) => {
    const row = await db.selectFrom('concerns').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('that concern does not exist');
    return concernRowToConcern(row);
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
    async advance(id) {
      await db.updateTable('concerns').set((eb) => ({ step: eb('step', '+', 1) })).where('id', '=', id).where('status', '=', 'open').execute();
      return find(id);
    },
    async close(id, status) {
      const result = await db.updateTable('concerns').set({ status }).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return;
      const concern = await find(id);
      if (concern.status !== status) throw new RuleViolationError(`that concern was already ${concern.status}`);
    },
  };
}
