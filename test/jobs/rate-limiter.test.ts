import { IN_FLIGHT_MS, TEAMS_TENANT_LIMITS, TEAMS_THREAD_LIMITS, createRateLimiter } from '../../src/jobs/rate-limiter';

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
    await (await limiter.acquire([{ key: 'thread:a', windows: TEAMS_THREAD_LIMITS }])).answered();
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
    await (await limiter.acquire([{ key: `thread:${index % 100}`, windows: TEAMS_THREAD_LIMITS }, { key: 'tenant:t', windows: TEAMS_TENANT_LIMITS }])).answered();
    times.push(now());
  }
  for (let index = 50; index < times.length; index++) expect(times[index]! - times[index - 50]!).toBeGreaterThanOrEqual(1000);
  expect(times.at(-1)).toBeLessThan(6000);
});

test('a send not yet answered keeps its room; once answered it counts from the answer less half the fastest round trip (less 20 ms jitter)', async () => {
  let now = 0;
  const onTick: (() => Promise<void>)[] = [];
  const limiter = createRateLimiter({
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      for (const tick of onTick) await tick();
    },
  });
  const one = [{ key: 'tenant:t', windows: [{ limit: 1, windowMs: 1000 }] }];
  const first = await limiter.acquire(one);
  let answered = false;
  onTick.push(async () => {
    if (now >= 500 && !answered) {
      answered = true;
      await first.answered();
    }
  });
  await limiter.acquire(one);
  expect(answered).toBe(true);
  // Answered at 500 after a 500 ms round trip: it reached Teams by 500 − (250 − 20) = 270, so its window runs to 1,270.
  expect(now).toBe(1270);
});

test('a send its sender never says was answered (the instance died) holds its room for the in-flight time, then lets go', async () => {
  const { limiter, now } = virtualLimiter();
  const one = [{ key: 'tenant:t', windows: [{ limit: 1, windowMs: 1000 }] }];
  await limiter.acquire(one);
  await limiter.acquire(one);
  expect(now()).toBe(IN_FLIGHT_MS + 1000);
});
