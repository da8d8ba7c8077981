import type { Kysely } from 'kysely';
import type { CalendarSubscriptionRepository } from '../services/ports/store.port';
import type { Database } from './schema';

/** Graph subscriptions on Kysely. */
export function createCalendarSubscriptionRepository(db: Kysely<Database>): CalendarSubscriptionRepository {
  return {
    async save(subscription) {
      const values = { id: subscription.id, organiser: subscription.organiser, client_state_sha256: subscription.clientStateSha256, expires_at: subscription.expiresAt };
      await db.insertInto('calendar_subscriptions').values(values).onConflict((conflict) => conflict.column('id').doUpdateSet({ expires_at: values.expires_at })).execute();
    },
    async find(id) {
      const row = await db.selectFrom('calendar_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, organiser: row.organiser, clientStateSha256: row.client_state_sha256, expiresAt: row.expires_at } : undefined;
    },
  };
}
