import { backoffMs, createJobQueue } from '../../src/store/job.repository';
import type { JobQueue } from '../../src/services/ports/store.port';
import { type TestDatabase, migratedDatabase } from '../support/databases';
import { describeEachEngine } from './each-engine';

const T0 = '2026-06-12T09:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describeEachEngine('the job queue', (name) => {
  describe('durable jobs', () => {
    let database: TestDatabase;
    let jobs: JobQueue;
    beforeEach(async () => {
      database = await migratedDatabase(name);
      jobs = createJobQueue(database.db, database.engine);
    });
    afterEach(() => database.drop());

    const enqueue = (key: string, runAt = T0, maxAttempts = 3) => jobs.enqueue({ id: `job-${key}`, kind: 'check-in-prompt', payload: { key }, runAt, maxAttempts, idempotencyKey: key, at: T0 });

    test('enqueueing the same key twice queues one job', async () => {
      expect((await enqueue('a')).created).toBe(true);
      const again = await jobs.enqueue({ id: 'job-other', kind: 'check-in-prompt', payload: {}, runAt: T0, idempotencyKey: 'a', at: T0 });
      expect(again).toMatchObject({ created: false, job: { id: 'job-a', payload: { key: 'a' } } });
    });

    test('only due jobs are claimed, once, with the attempt counted', async () => {
      await enqueue('now');
      await enqueue('tomorrow', later(86_400_000));
      const claimed = await jobs.claim({ workerId: 'w1', now: T0, leaseMs: 60_000, limit: 10 });
      expect(claimed.map((job) => [job.id, job.status, job.attempts])).toEqual([['job-now', 'running', 1]]);
      expect(await jobs.claim({ workerId: 'w2', now: T0, leaseMs: 60_000, limit: 10 })).toEqual([]);
      await jobs.complete('job-now', 'w1');
      expect((await jobs.findById('job-now'))?.status).toBe('done');
    });

    test('a job whose worker died is claimed again after its lease, by another worker', async () => {
      await enqueue('a');
      await jobs.claim({ workerId: 'crashed', now: T0, leaseMs: 60_000, limit: 1 });
      expect(await jobs.claim({ workerId: 'w2', now: later(30_000), leaseMs: 60_000, limit: 1 })).toEqual([]);
      const reclaimed = await jobs.claim({ workerId: 'w2', now: later(61_000), leaseMs: 60_000, limit: 1 });
      expect(reclaimed.map((job) => [job.id, job.attempts])).toEqual([['job-a', 2]]);
      await jobs.complete('job-a', 'crashed');
      expect((await jobs.findById('job-a'))?.status).toBe('running');
    });

    test('failures back off exponentially, then the job is dead-lettered', async () => {
      await enqueue('flaky');
      await jobs.claim({ workerId: 'w', now: T0, leaseMs: 60_000, limit: 1 });
      const first = await jobs.fail('job-flaky', { workerId: 'w', error: 'Teams said 503', now: T0 });
      expect(first).toMatchObject({ status: 'queued', runAt: later(backoffMs(1)), lastError: 'Teams said 503' });
      expect(await jobs.claim({ workerId: 'w', now: later(backoffMs(1) - 1), leaseMs: 60_000, limit: 1 })).toEqual([]);
      await jobs.claim({ workerId: 'w', now: later(backoffMs(1)), leaseMs: 60_000, limit: 1 });
      expect((await jobs.fail('job-flaky', { workerId: 'w', error: '503', now: later(backoffMs(1)) })).runAt).toBe(later(backoffMs(1) + backoffMs(2)));
      await jobs.claim({ workerId: 'w', now: later(10 * 60_000), leaseMs: 60_000, limit: 1 });
      expect(await jobs.fail('job-flaky', { workerId: 'w', error: '503 again', now: later(10 * 60_000) })).toMatchObject({ status: 'dead', attempts: 3 });
      expect(await jobs.claim({ workerId: 'w', now: later(86_400_000), leaseMs: 60_000, limit: 1 })).toEqual([]);
      expect([backoffMs(1), backoffMs(2), backoffMs(3), backoffMs(30)]).toEqual([5_000, 10_000, 20_000, 3_600_000]);
    });

    test('a job that stops its worker on every attempt is dead-lettered when its last lease runs out, not run again', async () => {
      await enqueue('poison', T0, 2);
      await jobs.claim({ workerId: 'w1', now: T0, leaseMs: 60_000, limit: 1 });
      expect(await jobs.claim({ workerId: 'w2', now: later(61_000), leaseMs: 60_000, limit: 1 })).toMatchObject([{ id: 'job-poison', attempts: 2 }]);
      expect(await jobs.claim({ workerId: 'w3', now: later(122_000), leaseMs: 60_000, limit: 1 })).toEqual([]);
      expect(await jobs.findById('job-poison')).toMatchObject({ status: 'dead', attempts: 2, lastError: expect.stringContaining('lease expired') });
      expect(await jobs.claim({ workerId: 'w3', now: later(86_400_000), leaseMs: 60_000, limit: 1 })).toEqual([]);
    });

    test('a worker that was only slow can still complete the job it was dead-lettered under', async () => {
      await enqueue('slow', T0, 1);
      await jobs.claim({ workerId: 'slow-worker', now: T0, leaseMs: 60_000, limit: 1 });
      await jobs.claim({ workerId: 'w2', now: later(61_000), leaseMs: 60_000, limit: 1 });
      expect((await jobs.findById('job-slow'))?.status).toBe('dead');
      await jobs.complete('job-slow', 'slow-worker');
      expect((await jobs.findById('job-slow'))?.status).toBe('done');
    });

    test('a failure reported by a worker that lost its lease changes nothing', async () => {
      await enqueue('a');
      await jobs.claim({ workerId: 'crashed', now: T0, leaseMs: 60_000, limit: 1 });
      await jobs.claim({ workerId: 'w2', now: later(61_000), leaseMs: 60_000, limit: 1 });
      expect(await jobs.fail('job-a', { workerId: 'crashed', error: 'late', now: later(62_000) })).toMatchObject({ status: 'running', attempts: 2, lastError: undefined });
    });

    test('a retry time the remote side asked for replaces the backoff', async () => {
      await enqueue('throttled');
      await jobs.claim({ workerId: 'w', now: T0, leaseMs: 60_000, limit: 1 });
      expect(await jobs.fail('job-throttled', { workerId: 'w', error: '429', now: T0, retryAfterMs: 42_000 })).toMatchObject({ status: 'queued', runAt: later(42_000) });
    });

    test('a failure that trying again cannot mend is dead-lettered at once, whatever attempts are left', async () => {
      await enqueue('refused');
      await jobs.claim({ workerId: 'w', now: T0, leaseMs: 60_000, limit: 1 });
      expect(await jobs.fail('job-refused', { workerId: 'w', error: 'NotFoundError:not-found', now: T0, deadLetter: true })).toMatchObject({ status: 'dead', attempts: 1, lastError: 'NotFoundError:not-found' });
      expect(await jobs.claim({ workerId: 'w', now: later(86_400_000), leaseMs: 60_000, limit: 1 })).toEqual([]);
    });

    test('two instances claiming at once never take the same job, and every job is taken', async () => {
      for (let index = 0; index < 60; index++) await enqueue(`bulk-${String(index).padStart(2, '0')}`);
      const other = database.reopen();
      const otherJobs = createJobQueue(other.db, other.engine);
      const seen: string[] = [];
      const drain = async (queue: JobQueue, workerId: string) => {
        for (;;) {
          const batch = await queue.claim({ workerId, now: T0, leaseMs: 60_000, limit: 4 });
          if (batch.length === 0) return;
          seen.push(...batch.map((job) => job.id));
          await Promise.all(batch.map((job) => queue.complete(job.id, workerId)));
        }
      };
      try {
        await Promise.all([drain(jobs, 'instance-1'), drain(otherJobs, 'instance-2'), drain(jobs, 'instance-3')]);
      } finally {
        await other.close();
      }
      expect(seen).toHaveLength(60);
      expect(new Set(seen).size).toBe(60);
    });
  });
});
