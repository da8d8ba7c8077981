import type { Kysely } from 'kysely';
import type { PlanDelivery, PlanNotReceived } from '../domain/circulation';
import type { PlanCirculationRepository } from '../services/ports/store.port';
import type { Database, PlanDeliveryRow, PlanNotReceivedRow } from './schema';

function planDeliveryRowToDelivery(row: PlanDeliveryRow): PlanDelivery {
  return {
    meetingId: row.meeting_id,
    planVersion: row.plan_version,
    memberId: row.member_id,
    channel: row.channel as PlanDelivery['channel'],
    outcome: row.outcome as PlanDelivery['outcome'],
    at: row.at,
    detail: row.detail ?? undefined,
    resent: row.resent === 1,
  };
}

function notReceivedRowToReport(row: PlanNotReceivedRow): PlanNotReceived {
  return { meetingId: row.meeting_id, planVersion: row.plan_version, memberId: row.member_id, at: row.at };
}

/** The plan's deliveries and members' not-received reports on Kysely: each written once by its key, never changed. */
export function createPlanCirculationRepository(db: Kysely<Database>): PlanCirculationRepository {
  return {
    async recordDelivery(delivery) {
      await db
        .insertInto('plan_deliveries')
        .values({
          id: delivery.id,
          meeting_id: delivery.meetingId,
          plan_version: delivery.planVersion,
          member_id: delivery.memberId,
          channel: delivery.channel,
          outcome: delivery.outcome,
          resent: delivery.resent ? 1 : 0,
          at: delivery.at,
          detail: delivery.detail ?? null,
        })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
    async deliveries(meetingId) {
      const rows = await db.selectFrom('plan_deliveries').selectAll().where('meeting_id', '=', meetingId).orderBy('at').orderBy('id').execute();
      return rows.map(planDeliveryRowToDelivery);
    },
    async recordNotReceived(report) {
      const inserted = await db
        .insertInto('plan_not_received')
        .values({ meeting_id: report.meetingId, plan_version: report.planVersion, member_id: report.memberId, at: report.at })
        .onConflict((conflict) => conflict.columns(['meeting_id', 'plan_version', 'member_id']).doNothing())
        .returning('member_id')
        .executeTakeFirst();
      return { created: inserted !== undefined };
    },
    async notReceived(meetingId) {
      const rows = await db.selectFrom('plan_not_received').selectAll().where('meeting_id', '=', meetingId).orderBy('at').orderBy('member_id').execute();
      return rows.map(notReceivedRowToReport);
    },
  };
}
