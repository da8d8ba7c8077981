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

/**
 * A sliding-window limiter over several windows per key. `acquire` waits until every window of
 * every key has room, then records the send. Each window is held a little longer than its nominal
 * length (`marginMs`): the slot is counted when it is given out, Teams counts on arrival, and
 * without headroom a send that arrives a few milliseconds early at a window's edge is refused with
 * a 429 (measured by the fan-out benchmark). Per instance: with several instances the limits are
 * shared by dividing them, and Teams' 429 + Retry-After remains the backstop.
 */
export function createRateLimiter(options: { now?: () => number; sleep?: (ms: number) => Promise<void>; marginMs?: number } = {}) {
  const now = options.now ?? (() => Date.now());
  const margin = options.marginMs ?? 50;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sent = new Map<string, number[]>();
  let queue: Promise<void> = Promise.resolve();

  const waitFor = (keys: readonly { key: string; windows: readonly RateWindow[] }[]): number => {
    const at = now();
    let wait = 0;
    for (const { key, windows } of keys) {
      const times = sent.get(key) ?? [];
      for (const window of windows) {
        const inWindow = times.filter((time) => time > at - window.windowMs - margin);
        if (inWindow.length >= window.limit) wait = Math.max(wait, inWindow[inWindow.length - window.limit]! + window.windowMs + margin - at);
      }
    }
    return wait;
  };

  return {
    /** Waits for room under every key's windows, then counts one send against each key. */
    acquire(keys: readonly { key: string; windows: readonly RateWindow[] }[]): Promise<void> {
      const turn = queue.then(async () => {
        for (let wait = waitFor(keys); wait > 0; wait = waitFor(keys)) await sleep(wait);
        const at = now();
        const longest = margin + Math.max(...keys.flatMap((entry) => entry.windows.map((window) => window.windowMs)));
        for (const { key } of keys) sent.set(key, [...(sent.get(key) ?? []).filter((time) => time > at - longest), at]);
      });
      // The caller gets a failed turn through `turn`, returned below; the queue only needs to go on.
      // eslint-disable-next-line no-restricted-syntax -- not dropped: the same rejection reaches the caller
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
