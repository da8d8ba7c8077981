import { type Kysely, sql } from 'kysely';
import { type RateKey, type RateLimiter, longestWindowMs, serialised, waitForRoom } from '../jobs/rate-limiter';
import type { Database } from './schema';

/**
 * Each window held this much longer than Teams counts it when instances share the limits: a send
 * is counted when an instance is given its slot, Teams counts it on arrival, and between the two
 * each instance's event loop adds its own delay — sends from different instances can arrive in
 * another order than they were counted. One instance needs 50 ms (RATE_MARGIN_MS). Measured with
 * three instance processes on a 2-core machine: 50 ms let two 429s through in 150 cards
 * (test/jobs/multi-instance.test.ts), 150 ms one now and then in 1,000 (`npm run bench -- fanout`),
 * 250 ms none — at about 80 % of the tenant limit instead of 86 %.
 */
export const SHARED_RATE_MARGIN_MS = 250;

/**
 * Teams' rate limits shared by every app instance on one PostgreSQL database. A send takes each
 * of its keys' transaction-scoped advisory locks (in one order, so two instances never deadlock),
 * reads the sends counted against those keys by the database's clock, and — when every window has
 * room — records itself and lets go; otherwise it lets go and waits as long as the fullest window
 * says, then asks again. So three instances send at most what one may, with no infrastructure but
 * PostgreSQL. Sends older than the longest window are deleted as each key is written. Within one
 * instance sends are asked for one after another, as the in-memory limiter does.
 */
export function createSharedRateLimiter(db: Kysely<Database>, options: { sleep?: (ms: number) => Promise<void>; marginMs?: number } = {}): RateLimiter {
  const margin = options.marginMs ?? SHARED_RATE_MARGIN_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /** Records the send and answers 0 when there is room under every key; otherwise how long to wait. */
  const tryOnce = (keys: readonly RateKey[]) =>
    db.transaction().execute(async (trx) => {
      const names = [...new Set(keys.map((entry) => entry.key))].sort();
      for (const name of names) await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
      const { rows } = await sql<{ now: string }>`select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as now`.execute(trx);
      const at = Number(rows[0]!.now);
      const since = at - longestWindowMs(keys, margin);
      const recorded = await trx.selectFrom('rate_sends').select(['key', 'at']).where('key', 'in', names).where('at', '>', since).execute();
      const sent = new Map<string, number[]>();
      for (const row of recorded) sent.set(row.key, [...(sent.get(row.key) ?? []), Number(row.at)]);
      const wait = waitForRoom(sent, keys, at, margin);
      if (wait > 0) return wait;
      await trx.deleteFrom('rate_sends').where('key', 'in', names).where('at', '<=', since).execute();
      await trx.insertInto('rate_sends').values(names.map((key) => ({ key, at }))).execute();
      return 0;
    });

  return {
    acquire: serialised(async (keys) => {
      for (let wait = await tryOnce(keys); wait > 0; wait = await tryOnce(keys)) await sleep(wait);
    }),
  };
}
