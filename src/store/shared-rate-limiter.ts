import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { IN_FLIGHT_MS, RECHECK_MS, type RateKey, type RateLimiter, createRoundTrips, longestWindowMs, serialised, waitForRoom } from '../jobs/rate-limiter';
import type { Database } from './schema';

/**
 * Teams' rate limits shared by every app instance on one PostgreSQL database. A send takes each
 * of its keys' transaction-scoped advisory locks (in one order, so two instances never deadlock),
 * reads the sends counted against those keys by the database's clock, and — when every window has
 * room — records itself and lets go; otherwise it lets go, waits, and asks again. So three
 * instances send at most what one may, with no infrastructure but PostgreSQL.
 *
 * As in the in-memory limiter (`createRateLimiter`), a send is recorded as if it might still arrive
 * ({@link IN_FLIGHT_MS} ahead) until its instance says Teams has answered; its row then moves to
 * the answer less half the fastest round trip that instance has seen (less jitter). One instance
 * held up between counting a send and sending it — by another process on its cores — can then
 * never land a send in a window the others filled without it. Rows older than their key's longest
 * window are deleted as the key is written. Within one instance sends are asked for one after another.
 */
export function createSharedRateLimiter(db: Kysely<Database>, options: { sleep?: (ms: number) => Promise<void>; onAnswerNotRecorded?: (error: unknown) => void } = {}): RateLimiter {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const roundTrips = createRoundTrips();

  /** Each key's rows since its longest window began, before `at`. */
  const since = (keys: readonly RateKey[], at: number) => keys.map((key) => ({ key: key.key, after: at - longestWindowMs(key) }));

  /** Records the send and answers 0 when there is room under every key; otherwise how long to wait. */
  const tryOnce = (keys: readonly RateKey[], sendId: string) =>
    db.transaction().execute(async (trx) => {
      const names = [...new Set(keys.map((entry) => entry.key))].sort();
      // The keys' locks in one order (the sorted names, one statement), then the clock once they are held.
      const { rows } = await sql<{ now: string }>`select floor(extract(epoch from clock_timestamp()) * 1000)::bigint as now from (select count(pg_advisory_xact_lock(hashtextextended(name, 0))) from (select unnest(${names}::text[]) as name order by name) as ordered) as locked`.execute(trx);
      const at = Number(rows[0]!.now);
      const windows = since(keys, at);
      const recorded = await trx
        .selectFrom('rate_sends')
        .select(['key', 'at'])
        .where((eb) => eb.or(windows.map(({ key, after }) => eb.and([eb('key', '=', key), eb('at', '>', after)]))))
        .execute();
      const counted = new Map<string, number[]>();
      for (const row of recorded) counted.set(row.key, [...(counted.get(row.key) ?? []), Number(row.at)]);
      const wait = waitForRoom(counted, keys, at);
      if (wait > 0) return wait;
      await trx
        .with('expired', (db) => db.deleteFrom('rate_sends').where((eb) => eb.or(windows.map(({ key, after }) => eb.and([eb('key', '=', key), eb('at', '<=', after)])))))
        .insertInto('rate_sends')
        .values(names.map((key) => ({ key, at: at + IN_FLIGHT_MS, send_id: sendId })))
        .execute();
      return 0;
    });

  return {
    acquire: serialised(async (keys) => {
      const sendId = randomUUID();
      for (let wait = await tryOnce(keys, sendId); wait > 0; wait = await tryOnce(keys, sendId)) await sleep(Math.min(wait, RECHECK_MS));
      const given = performance.now();
      return {
        async answered() {
          roundTrips.record(performance.now() - given);
          try {
            const lead = Math.ceil(roundTrips.answerLeadMs());
            await db
              .updateTable('rate_sends')
              .set({ at: sql<number>`ceil(extract(epoch from clock_timestamp()) * 1000)::bigint - ${lead}` })
              .where('send_id', '=', sendId)
              .execute();
          } catch (error) {
            // Not recorded, the send stays counted until IN_FLIGHT_MS runs out: the safe side, only slower.
            options.onAnswerNotRecorded?.(error);
          }
        },
      };
    }),
  };
}
