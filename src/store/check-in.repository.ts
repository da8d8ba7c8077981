import type { Kysely } from 'kysely';
import type { CheckIn, CheckInStatus } from '../domain/plan';
import type { CheckInRepository } from '../services/ports/store.port';
import type { CheckInRow, Database } from './schema';

function checkInRowToCheckIn(row: CheckInRow): CheckIn {
  return { actionId: row.action_id, memberId: row.member_id, status: row.status as CheckInStatus, note: row.note, recordedAt: row.recorded_at };
}

/** Check-ins on Kysely, idempotent on a business key (Teams may deliver the same answer twice). */
export function createCheckInRepository(db: Kysely<Database>): CheckInRepository {
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
    async listByCoreGroup(coreGroupId) {
      const rows = await db.selectFrom('check_ins').selectAll().where('core_group_id', '=', coreGroupId).orderBy('recorded_at').orderBy('id').execute();
      return rows.map(checkInRowToCheckIn);
    },
    async latestByAction(coreGroupId) {
      const latest = new Map<string, CheckIn>();
      for (const checkIn of await this.listByCoreGroup(coreGroupId)) latest.set(checkIn.actionId, checkIn);
      return latest;
    },
  };
}
