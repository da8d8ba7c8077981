import type { ExpressionBuilder, Kysely } from 'kysely';
import { NotFoundError, said } from '../domain/errors';
import { truncateText } from '../domain/text';
import type { Job, JobQueue } from '../services/ports/store.port';
import type { Engine } from './database';
import type { Database, JobRow } from './schema';

const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 60 * 60_000;
const LEASE_EXPIRED = 'the lease expired on the last attempt: the worker stopped or took too long';

function jobRowToJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    runAt: row.run_at,
    status: row.status as Job['status'],
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error ?? undefined,
  };
}

/** Exponential backoff after the nth failed attempt: 5 s, 10 s, 20 s … capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * The job table as a queue. A claim is one UPDATE over a sub-select of due jobs, atomic on its own
 * (no transaction left open across an await): on PostgreSQL the sub-select takes `FOR UPDATE SKIP
 * LOCKED`, so several instances never take the same job; on SQLite the statement holds the single
 * writer lock. A job whose worker died is claimed again once its lease runs out, unless that was
 * its last attempt: then it is dead-lettered.
 */
export function createJobQueue(db: Kysely<Database>, engine: Engine): JobQueue {
  const findById = async (id: string) => {
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? jobRowToJob(row) : undefined;
  };
  return {
    findById,
    async enqueue(job) {
      const inserted = await db
        .insertInto('jobs')
        .values({
          id: job.id,
          kind: job.kind,
          payload: JSON.stringify(job.payload),
          run_at: job.runAt,
          status: 'queued',
          attempts: 0,
          max_attempts: job.maxAttempts ?? 8,
          last_error: null,
          locked_by: null,
          locked_until: null,
          idempotency_key: job.idempotencyKey,
          created_at: job.at,
        })
        .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (inserted) return { job: jobRowToJob(inserted), created: true };
      const first = await db.selectFrom('jobs').selectAll().where('idempotency_key', '=', job.idempotencyKey).executeTakeFirstOrThrow();
      return { job: jobRowToJob(first), created: false };
    },
    async claim({ workerId, now, leaseMs, limit }) {
      const lockedUntil = new Date(Date.parse(now) + leaseMs).toISOString();
      const lockable = <Q extends { forUpdate(): { skipLocked(): Q } }>(query: Q): Q => (engine === 'postgres' ? query.forUpdate().skipLocked() : query);
      const leaseExpired = (eb: ExpressionBuilder<Database, 'jobs'>) => eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]);
      // The lease ran out on the last attempt: the job stopped its worker every time, so it is dead, not
      // retried. locked_by stays, so a worker that was only slow can still complete it.
      const exhausted = db.selectFrom('jobs').select('id').where(leaseExpired).whereRef('attempts', '>=', 'max_attempts');
      await db.updateTable('jobs').set({ status: 'dead', last_error: LEASE_EXPIRED }).where('id', 'in', lockable(exhausted)).execute();
      const due = db
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([leaseExpired(eb), eb('attempts', '<', eb.ref('max_attempts'))]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit);
      const rows = await db
        .updateTable('jobs')
        .set((eb) => ({ status: 'running', locked_by: workerId, locked_until: lockedUntil, attempts: eb('attempts', '+', 1) }))
        .where('id', 'in', lockable(due))
        .returningAll()
        .execute();
      return rows.map(jobRowToJob).sort((a, b) => a.runAt.localeCompare(b.runAt) || a.id.localeCompare(b.id));
    },
    async complete(id, workerId) {
      await db.updateTable('jobs').set({ status: 'done', locked_by: null, locked_until: null }).where('id', '=', id).where('locked_by', '=', workerId).execute();
    },
    async fail(id, { workerId, error, now, retryAfterMs, deadLetter }) {
      const job = await findById(id);
      if (!job) throw new NotFoundError('that job does not exist', { said: said('serviceRefusals.jobs.gone') });
      const dead = deadLetter === true || job.attempts >= job.maxAttempts;
      await db
        .updateTable('jobs')
        .set({
          status: dead ? 'dead' : 'queued',
          run_at: dead ? job.runAt : new Date(Date.parse(now) + (retryAfterMs ?? backoffMs(job.attempts))).toISOString(),
          last_error: truncateText(error, 500),
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
      return (await findById(id))!;
    },
  };
}
