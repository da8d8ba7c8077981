import type { Kysely } from 'kysely';
import type { Leases } from '../services/ports/store.port';
import type { Database } from './schema';

/**
 * Leases on named work, on Kysely (SQLite and PostgreSQL): one statement takes a lease that is
 * free, expired, or already the caller's, so of several instances asking at once exactly one
 * gets it. Times are the callers' (instances keep their clocks in step; a lease lasts minutes).
 */
export function createLeases(db: Kysely<Database>): Leases {
  return {
    async take(name, holder, options) {
      const until = options.now + options.forMs;
      const taken = await db
        .insertInto('leases')
        .values({ name, holder, until_ms: until })
        .onConflict((conflict) =>
          conflict
            .column('name')
            .doUpdateSet({ holder, until_ms: until })
            .where((eb) => eb.or([eb('leases.until_ms', '<=', options.now), eb('leases.holder', '=', holder)])),
        )
        .returning('holder')
        .executeTakeFirst();
      return taken?.holder === holder;
    },
    async holderOf(name, now) {
      const row = await db.selectFrom('leases').select(['holder', 'until_ms']).where('name', '=', name).executeTakeFirst();
      return row && Number(row.until_ms) > now ? { holder: row.holder, untilMs: Number(row.until_ms) } : undefined;
    },
    async release(name, holder) {
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },
  };
}
