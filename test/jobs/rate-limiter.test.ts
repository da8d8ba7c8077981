import { TEAMS_TENANT_LIMITS, TEAMS_THREAD_LIMITS, createRateLimiter } from '../../src/jobs/rate-limiter';

/** A limiter on a virtual clock: sleeping advances time, so the schedule of sends is exact. */
function virtualLimiter() {
  let now = 0;
  const limiter = createRateLimiter({ now: () => now, sleep: async (ms) => void (now += ms) });
  return { limiter, now: () => now };
}

test('one thread: 7 in the first second, 8 in two seconds, 60 in thirty', async () => {
  const { limiter, now } = virtualLimiter();
  const times: number[] = [];
  for (let index = 0; index < 61; index++) {
    await limiter.acquire([{ key: 'thread:a', windows: TEAMS_THREAD_LIMITS }]);
    times.push(now());
  }
  expect(times.filter((time) => time < 1000)).toHaveLength(7);
  expect(times.filter((time) => time < 2000)).toHaveLength(8);
  expect(times.filter((time) => time < 30_000)).toHaveLength(60);
  for (let index = 7; index < times.length; index++) expect(times[index]! - times[index - 7]!).toBeGreaterThanOrEqual(1000);
});

test('many threads in one tenant: never more than 50 in any second', async () => {
  const { limiter, now } = virtualLimiter();
  const times: number[] = [];
  for (let index = 0; index < 300; index++) {
    await limiter.acquire([{ key: `thread:${index % 100}`, windows: TEAMS_THREAD_LIMITS }, { key: 'tenant:t', windows: TEAMS_TENANT_LIMITS }]);
    times.push(now());
  }
  for (let index = 50; index < times.length; index++) expect(times[index]! - times[index - 50]!).toBeGreaterThanOrEqual(1000);
  expect(times.at(-1)).toBeLessThan(6000);
});

test('each window is held a little longer than Teams counts it, so no send lands early at a window edge', async () => {
  const { limiter, now } = virtualLimiter();
  const times: number[] = [];
  for (let index = 0; index < 20; index++) {
    await limiter.acquire([{ key: 'tenant:t', windows: [{ limit: 5, windowMs: 1000 }] }]);
    times.push(now());
  }
  for (let index = 5; index < times.length; index++) expect(times[index]! - times[index - 5]!).toBeGreaterThanOrEqual(1050);
  expect(times.at(-1)).toBeLessThan(3 * 1050 + 1);
});
