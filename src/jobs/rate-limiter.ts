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

/** A send given its room: say when Teams has answered it (or the send failed), so the limiter knows by when Teams counted it. */
export interface SendSlot {
  answered(): Promise<void>;
}

/** Waits for room under every key's windows, then counts one send against each key until it is answered. */
export interface RateLimiter {
  acquire(keys: readonly RateKey[]): Promise<SendSlot>;
}

/**
 * A send not answered within this long is counted as having arrived by then — as long as a send
 * may take (the connector's own timeout is shorter), and how long a send of an instance that died
 * holding it keeps its room.
 */
export const IN_FLIGHT_MS = 30_000;

/** Waits are re-checked at least this often: room a send in flight holds comes free when it is answered, not at a known time. */
export const RECHECK_MS = 25;

/**
 * How long to wait, from `at`, until every window of every key has room, given the latest times
 * (ms) Teams may have counted each key's sends at; 0 when there is room now.
 */
export function waitForRoom(counted: ReadonlyMap<string, readonly number[]>, keys: readonly RateKey[], at: number): number {
  let wait = 0;
  for (const { key, windows } of keys) {
    const times = [...(counted.get(key) ?? [])].sort((a, b) => a - b);
    for (const window of windows) {
      const inWindow = times.filter((time) => time > at - window.windowMs);
      if (inWindow.length >= window.limit) wait = Math.max(wait, inWindow[inWindow.length - window.limit]! + window.windowMs - at);
    }
  }
  return wait;
}

/** How far back one key's counted sends still matter. */
export function longestWindowMs(key: RateKey): number {
  return Math.max(...key.windows.map((window) => window.windowMs));
}

/** Allowance for a reply coming back faster than the fastest round trip's half, in milliseconds. */
const JITTER_MS = 20;
const ROUND_TRIPS_KEPT = 500;

/**
 * The round trips (reserved → answered, ms) of this process's last sends, and from them how long
 * before its answer Teams had a send at the latest: an answer cannot travel back faster than half
 * the fastest round trip, less a little for jitter. Nothing known yet: no time at all.
 */
export function createRoundTrips(kept = ROUND_TRIPS_KEPT) {
  const trips: number[] = [];
  return {
    record(ms: number): void {
      trips.push(ms);
      if (trips.length > kept) trips.shift();
    },
    /** How much earlier than its answer a send surely reached Teams. */
    answerLeadMs(): number {
      return trips.length === 0 ? 0 : Math.max(0, Math.min(...trips) / 2 - JITTER_MS);
    },
  };
}

/**
 * A sliding-window limiter over several windows per key, in this process's memory, for one
 * instance (SQLite, local mode); instances sharing PostgreSQL share their sends through it
 * (`src/store/shared-rate-limiter.ts`), and Teams' 429 + Retry-After remains the backstop.
 *
 * Teams counts a send when it arrives, which can be well after it was given its room: the process
 * may be held up between the two (busy, or its machine's cores taken by others). So a send counts
 * as if it might still arrive until it is answered ({@link IN_FLIGHT_MS} at most), and then from
 * the latest it can have arrived: its answer, less half the fastest round trip (less jitter). A
 * late send therefore never lands in a window counted without it.
 */
export function createRateLimiter(options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): RateLimiter {
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sends = new Map<string, { countedBy: number }[]>();
  const roundTrips = createRoundTrips();
  const counted = () => new Map([...sends].map(([key, entries]) => [key, entries.map((entry) => entry.countedBy)]));
  return {
    acquire: serialised(async (keys) => {
      for (let wait = waitForRoom(counted(), keys, now()); wait > 0; wait = waitForRoom(counted(), keys, now())) await sleep(Math.min(wait, RECHECK_MS));
      const at = now();
      const send = { countedBy: at + IN_FLIGHT_MS };
      for (const key of keys) sends.set(key.key, [...(sends.get(key.key) ?? []).filter((entry) => entry.countedBy > at - longestWindowMs(key)), send]);
      return {
        async answered() {
          const answeredAt = now();
          roundTrips.record(answeredAt - at);
          send.countedBy = Math.min(send.countedBy, answeredAt - roundTrips.answerLeadMs());
        },
      };
    }),
  };
}

/** Runs `acquire` calls one after another (a send waits its turn behind those asked for before it), each caller getting its own outcome. */
export function serialised<T>(acquire: (keys: readonly RateKey[]) => Promise<T>): (keys: readonly RateKey[]) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (keys) => {
    const turn = queue.then(() => acquire(keys));
    // The caller gets a failed turn through `turn`, returned below; the queue only needs to go on.
    // eslint-disable-next-line no-restricted-syntax -- not dropped: the same rejection reaches the caller
    queue = turn.catch(() => undefined);
    return turn;
  };
}
