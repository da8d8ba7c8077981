import type { Kysely } from 'kysely';
import type { CheckIn, CheckInStatus } from '../domain/plan';
import type { CheckInRepository } from '../services/ports/store.port';
import { mapValues, rowsByKey } from './rows-by-key';
import type { CheckInRow, Database } from './schema';

function checkInRowToCheckIn(row: CheckInRow): CheckIn {
  return { actionId: row.action_id, memberId: row.member_id, status: row.status as CheckInStatus, note: row.note, recordedAt: row.recorded_at };
}

/** Check-ins on Kysely, idempotent on a business key (Teams may deliver the same answer twice). */
export function createCheckInRepository(db: Kysely<Database>): CheckInRepository {
  const listByCoreGroups: CheckInRepository['listByCoreGroups'] = async (coreGroupIds) => {
    const grouped = await rowsByKey(coreGroupIds, (ids) => db.selectFrom('check_ins').selectAll().where('core_group_id', 'in', ids).orderBy('recorded_at').orderBy('id').execute(), (row) => row.core_group_id);
    return mapValues(grouped, (rows) => rows.map(checkInRowToCheckIn));
  };
  const listByCoreGroup = async (coreGroupId: string) => (await listByCoreGroups([coreGroupId])).get(coreGroupId) ?? [];
  return {
    async record(checkIn, idempotencyKey) {
      const inserted = await db
        .insertInto('check_ins')
        .values({
          id: checkIn.id,
          core_group_id: checkIn.coreGroupId,
          action_id: checkIn.actionId,
          member_id: checkIn.memberId,
          status: checkIn.status,
          note: checkIn.note,
          recorded_at: checkIn.recordedAt,
          idempotency_key: idempotencyKey,
        })
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { checkIn: checkInRowToCheckIn(inserted), created: true };
      const first = await db.selectFrom('check_ins').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirstOrThrow();
      return { checkIn: checkInRowToCheckIn(first), created: false };
    },
    listByCoreGroup,
    listByCoreGroups,
    async latestByAction(coreGroupId) {
      const latest = new Map<string, CheckIn>();
      for (const checkIn of await listByCoreGroup(coreGroupId)) latest.set(checkIn.actionId, checkIn);
      return latest;
    },
  };
}
