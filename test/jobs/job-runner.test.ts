import { createJobRunner } from '../../src/jobs/job-runner';
import type { Job, JobQueue } from '../../src/services/ports/store.port';

const job = (id: string, kind: string): Job => ({ id, kind, payload: { id }, runAt: 'x', status: 'running', attempts: 1, maxAttempts: 3 });

function fakeQueue(batches: Job[][]) {
  const completed: string[] = [];
  const failed: { id: string; error: string; retryAfterMs?: number | undefined }[] = [];
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async () => batches.shift() ?? [],
    complete: async (id) => void completed.push(id),
    fail: async (id, options) => {
      failed.push({ id, error: options.error, retryAfterMs: options.retryAfterMs });
      return job(id, 'x');
    },
  };
  return { queue, completed, failed };
}

test('each job runs with the handler for its kind; failures are recorded by name and code only, with any Retry-After', async () => {
  const { queue, completed, failed } = fakeQueue([[job('a', 'ok'), job('b', 'throttled'), job('c', 'unknown')]]);
  const runner = createJobRunner({
    queue,
    workerId: 'w',
    clock: { nowIso: () => '2026-06-01T00:00:00Z' },
    handlers: {
      ok: async () => undefined,
      throttled: async () => {
        throw Object.assign(new Error('Teams said no for Riley Ellis'), { name: 'DeliveryError', code: 'delivery-failed', retryAfterMs: 30_000 });
      },
    },
  });
  expect(await runner.runOnce()).toBe(3);
  expect(completed).toEqual(['a']);
  expect(failed).toEqual([
    { id: 'b', error: 'DeliveryError:delivery-failed', retryAfterMs: 30_000 },
    { id: 'c', error: 'UnknownJobKind', retryAfterMs: undefined },
  ]);
});

test('stopping a running loop returns promptly, even while it waits for work', async () => {
  const { queue } = fakeQueue([]);
  const runner = createJobRunner({ queue, workerId: 'w', clock: { nowIso: () => 'x' }, handlers: {}, pollMs: 60_000 });
  runner.start();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = Date.now();
  await runner.stop();
  expect(Date.now() - started).toBeLessThan(1000);
});

test('with room for several jobs, different recipients are sent at once while one recipient’s jobs stay in order', async () => {
  const jobs = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'].map((id) => ({ ...job(id, 'send'), payload: { to: id[0] } }));
  let claimed = false;
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async ({ limit }) => {
      if (claimed) return [];
      claimed = true;
      return jobs.slice(0, limit);
    },
    complete: async () => undefined,
    fail: async (id) => job(id, 'x'),
  };
  let inFlight = 0;
  let most = 0;
  const order: string[] = [];
  const runner = createJobRunner({
    queue,
    workerId: 'w',
    clock: { nowIso: () => '2026-06-01T00:00:00Z' },
    concurrency: 3,
    batchSize: 6,
    groupOf: (candidate) => (candidate.payload as { to: string }).to,
    handlers: {
      send: async (_payload, current) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(current.id);
        inFlight -= 1;
      },
    },
  });
  const started = Date.now();
  expect(await runner.runOnce()).toBe(6);
  expect(order.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  expect(order.filter((id) => id.startsWith('b'))).toEqual(['b1', 'b2']);
  expect(most).toBeGreaterThan(1);
  expect(most).toBeLessThanOrEqual(3);
  expect(Date.now() - started).toBeLessThan(6 * 20);
});
