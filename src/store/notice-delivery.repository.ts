import type { Kysely } from 'kysely';
import type { NoticeDelivery } from '../domain/notice-delivery';
import type { NoticeDeliveryRepository } from '../services/ports/store.port';
import type { Database, NoticeDeliveryRow } from './schema';

function rowToNoticeDelivery(row: NoticeDeliveryRow): NoticeDelivery {
  return {
    kind: row.kind as NoticeDelivery['kind'],
    subjectId: row.subject_id,
    memberId: row.member_id,
    channel: row.channel as NoticeDelivery['channel'],
    outcome: row.outcome as NoticeDelivery['outcome'],
    detail: row.detail ?? undefined,
    at: row.at,
  };
}

/** The outcomes of notices on Kysely: each written once by its key, never changed. */
export function createNoticeDeliveryRepository(db: Kysely<Database>): NoticeDeliveryRepository {
  return {
    async record(delivery) {
      await db
        .insertInto('notice_deliveries')
        .values({ id: delivery.id, kind: delivery.kind, subject_id: delivery.subjectId, member_id: delivery.memberId, channel: delivery.channel, outcome: delivery.outcome, at: delivery.at, detail: delivery.detail ?? null })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
    async deliveriesOf(kind, subjectIds) {
      if (subjectIds.length === 0) return [];
      const rows = await db.selectFrom('notice_deliveries').selectAll().where('kind', '=', kind).where('subject_id', 'in', subjectIds).orderBy('at').orderBy('id').execute();
      return rows.map(rowToNoticeDelivery);
    },
  };
}
