import type { Kysely } from 'kysely';
import type { NoticeDelivery } from '../domain/notice-delivery';
import type { NoticeDeliveryRepository, RecordedNoticeDelivery } from '../services/ports/store.port';
import type { Database, NoticeDeliveryRow } from './schema';

function rowToNoticeDelivery(row: NoticeDeliveryRow): RecordedNoticeDelivery {
  return {
    kind: row.kind as NoticeDelivery['kind'],
    subjectId: row.subject_id,
    memberId: row.member_id,
    channel: row.channel as NoticeDelivery['channel'],
    outcome: row.outcome as NoticeDelivery['outcome'],
    detail: row.detail ?? undefined,
    at: row.at,
    attempt: row.attempt ?? undefined,
    coreGroupId: row.core_group_id ?? undefined,
    jobId: row.job_id ?? undefined,
  };
}

/** The attempts at notices on Kysely: each written once by its key, never changed. */
export function createNoticeDeliveryRepository(db: Kysely<Database>): NoticeDeliveryRepository {
  const inOrder = db.selectFrom('notice_deliveries').selectAll().orderBy('at').orderBy('attempt').orderBy('id');
  return {
    async record(delivery) {
      await db
        .insertInto('notice_deliveries')
        .values({
          id: delivery.id,
          kind: delivery.kind,
          subject_id: delivery.subjectId,
          member_id: delivery.memberId,
          channel: delivery.channel,
          outcome: delivery.outcome,
          at: delivery.at,
          detail: delivery.detail ?? null,
          core_group_id: delivery.coreGroupId ?? null,
          job_id: delivery.jobId ?? null,
          attempt: delivery.attempt ?? null,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
    async deliveriesOf(kind, subjectIds) {
      if (subjectIds.length === 0) return [];
      const rows = await inOrder.where('kind', '=', kind).where('subject_id', 'in', subjectIds).execute();
      return rows.map(rowToNoticeDelivery);
    },
    async inCoreGroups(coreGroupIds) {
      if (coreGroupIds.length === 0) return [];
      const rows = await inOrder.where('core_group_id', 'in', coreGroupIds).execute();
      return rows.map(rowToNoticeDelivery);
    },
  };
}
