/** A limit: at most `limit` sends in any `windowMs`. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/** Teams' limits per bot per conversation thread, and per app per tenant. */
export const TEAMS_THREAD_LIMITS: readonly RateWindow[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1_800, windowMs: 3_600_000 },
];
export const TEAMS_TENANT_LIMITS: readonly RateWindow[] = [{ limit: 50, windowMs: 1_000 }];

/** One key's send windows, as `acquire` is asked for them. */
export interface RateKey {
  readonly key: string;
  readonly windows: readonly RateWindow[];
}

/** Waits for room under every key's windows, then counts one send against each key. */
export interface RateLimiter {
  acquire(keys: readonly RateKey[]): Promise<void>;
}

/**
 * How long to wait, from `at`, until every window of every key has room, given the times (ms)
 * the sends counted against each key went out; 0 when there is room now. Each window is held
 * `marginMs` longer than its nominal length (see `createRateLimiter`).
 */
export function waitForRoom(sent: ReadonlyMap<string, readonly number[]>, keys: readonly RateKey[], at: number, marginMs: number): number {
  let wait = 0;
  for (const { key, windows } of keys) {
    const times = [...(sent.get(key) ?? [])].sort((a, b) => a - b);
    for (const window of windows) {
      const inWindow = times.filter((time) => time > at - window.windowMs - marginMs);
      if (inWindow.length >= window.limit) wait = Math.max(wait, inWindow[inWindow.length - window.limit]! + window.windowMs + marginMs - at);
    }
  }
  return wait;
}

/** How far back the sends that still count for these keys go. */
export function longestWindowMs(keys: readonly RateKey[], marginMs: number): number {
  return marginMs + Math.max(...keys.flatMap((entry) => entry.windows.map((window) => window.windowMs)));
}

/** The margin each window is held beyond its nominal length, unless told otherwise. */
export const RATE_MARGIN_MS = 50;

/**
 * A sliding-window limiter over several windows per key, in this process's memory. `acquire` waits
 * until every window of every key has room, then records the send. Each window is held a little
 * longer than its nominal length (`marginMs`): the slot is counted when it is given out, Teams
 * counts on arrival, and without headroom a send that arrives a few milliseconds early at a
 * window's edge is refused with a 429 (measured by the fan-out benchmark). For one instance (SQLite,
 * local mode); instances sharing PostgreSQL share their sends through it
 * (`src/store/shared-rate-limiter.ts`), and Teams' 429 + Retry-After remains the backstop.
 */
export function createRateLimiter(options: { now?: () => number; sleep?: (ms: number) => Promise<void>; marginMs?: number } = {}): RateLimiter {
  const now = options.now ?? (() => Date.now());
  const margin = options.marginMs ?? RATE_MARGIN_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sent = new Map<string, number[]>();
  return {
    acquire: serialised(async (keys) => {
      for (let wait = waitForRoom(sent, keys, now(), margin); wait > 0; wait = waitForRoom(sent, keys, now(), margin)) await sleep(wait);
      const at = now();
      const longest = longestWindowMs(keys, margin);
      for (const { key } of keys) sent.set(key, [...(sent.get(key) ?? []).filter((time) => time > at - longest), at]);
    }),
  };
}

/** Runs `acquire` calls one after another (a send waits its turn behind those asked for before it), each caller getting its own outcome. */
export function serialised(acquire: (keys: readonly RateKey[]) => Promise<void>): (keys: readonly RateKey[]) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (keys) => {
    const turn = queue.then(() => acquire(keys));
    // The caller gets a failed turn through `turn`, returned below; the queue only needs to go on.
    // eslint-disable-next-line no-restricted-syntax -- not dropped: the same rejection reaches the caller
    queue = turn.catch(() => undefined);
    return turn;
  };
}
