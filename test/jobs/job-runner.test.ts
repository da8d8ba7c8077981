import { NotFoundError } from '../../src/domain/errors';
import { createJobRunner } from '../../src/jobs/job-runner';
import { CalendarError } from '../../src/services/ports/calendar.port';
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

test('the error table decides: a retryable code is tried again when Graph said, a refusal is dead-lettered at once, a bug is retried', async () => {
  const recorded: { id: string; deadLetter?: boolean | undefined; retryAfterMs?: number | undefined }[] = [];
  const reported: { jobId?: string | undefined; code: string; deadLetter?: boolean | undefined }[] = [];
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async () => [job('busy', 'book'), job('gone', 'remind'), job('bug', 'crash')],
    complete: async () => undefined,
    fail: async (id, options) => {
      recorded.push({ id, deadLetter: options.deadLetter, retryAfterMs: options.retryAfterMs });
      return job(id, 'x');
    },
  };
  const runner = createJobRunner({
    queue,
    workerId: 'w',
    clock: { nowIso: () => '2026-06-01T00:00:00Z' },
    handlers: {
      book: async () => {
        throw new CalendarError({ code: 'calendar-unavailable', userMessage: 'busy', status: 429, retryAfterMs: 90_000 });
      },
      remind: async () => {
        throw new NotFoundError('That meeting does not exist.');
      },
      crash: async () => {
        throw new TypeError('undefined is not a function');
      },
    },
    onError: (details) => void reported.push({ jobId: details.jobId, code: details.code, deadLetter: details.deadLetter }),
  });
  await runner.runOnce();
  expect(recorded).toEqual([
    { id: 'busy', deadLetter: false, retryAfterMs: 90_000 },
    { id: 'gone', deadLetter: true, retryAfterMs: undefined },
    { id: 'bug', deadLetter: false, retryAfterMs: undefined },
  ]);
  expect(reported).toEqual([
    { jobId: 'busy', code: 'calendar-unavailable', deadLetter: false },
    { jobId: 'gone', code: 'not-found', deadLetter: true },
    { jobId: 'bug', code: 'internal', deadLetter: false },
  ]);
});

test('a queue that fails is reported with its code, and the runner goes on', async () => {
  const reported: { reason: string; code: string }[] = [];
  const down = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async () => [job('a', 'fails')],
    complete: async () => undefined,
    fail: async () => Promise.reject(down),
  };
  const handlers = {
    fails: async () => {
      throw new NotFoundError('gone');
    },
  };
  const runner = createJobRunner({ queue, workerId: 'w', clock: { nowIso: () => 'x' }, handlers, onError: (details) => void reported.push({ reason: details.reason, code: details.code }) });
  expect(await runner.runOnce()).toBe(1);
  expect(reported).toEqual([
    { reason: 'NotFoundError:not-found', code: 'not-found' },
    { reason: 'the failure could not be recorded', code: 'internal' },
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

test('a job still in hand whose lease ran out, claimed again by the same runner, is not started a second time', async () => {
  const first = { ...job('a1', 'send'), payload: { to: 'a' } };
  const waiting = { ...job('a2', 'send'), payload: { to: 'a' } };
  const claims = [[first, waiting], [waiting]];
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async () => claims.shift() ?? [],
    complete: async () => undefined,
    fail: async (id) => job(id, 'x'),
  };
  const sent: string[] = [];
  const runner = createJobRunner({
    queue,
    workerId: 'w',
    clock: { nowIso: () => '2026-06-01T00:00:00Z' },
    concurrency: 4,
    pollMs: 5,
    groupOf: (candidate) => (candidate.payload as { to: string }).to,
    handlers: {
      send: async (_payload, current) => {
        // a2 waits behind a1 long enough for the loop to claim it again.
        await new Promise((resolve) => setTimeout(resolve, 60));
        sent.push(current.id);
      },
    },
  });
  runner.start();
  await new Promise((resolve) => setTimeout(resolve, 300));
  await runner.stop();
  expect(sent).toEqual(['a1', 'a2']);
});

test('a job that is dead after its attempt is handed, with its payload, to what records that for its kind; one to be retried is not', async () => {
  const deadOnes: { payload: unknown; status: string }[] = [];
  const queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'> = {
    claim: async () => [job('last-try', 'notice'), job('retried', 'notice'), job('other-kind', 'plain')],
    complete: async () => undefined,
    fail: async (id) => ({ ...job(id, 'notice'), status: id === 'retried' ? 'queued' : 'dead', attempts: 3, lastError: 'DeliveryError:delivery-failed' }),
  };
  const teamsDown = async () => {
    throw Object.assign(new Error('Teams is down'), { name: 'DeliveryError', code: 'delivery-failed' });
  };
  const runner = createJobRunner({
    queue,
    workerId: 'w',
    clock: { nowIso: () => '2026-06-01T00:00:00Z' },
    handlers: { notice: teamsDown, plain: teamsDown },
    onDeadLetter: { notice: async (payload, dead) => void deadOnes.push({ payload, status: dead.status }) },
  });
  await runner.runOnce();
  expect(deadOnes).toEqual([{ payload: { id: 'last-try' }, status: 'dead' }]);
});
