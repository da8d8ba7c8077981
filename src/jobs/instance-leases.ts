import { hostname } from 'node:os';
import type { Leases } from '../services/ports/store.port';

/** The share of a period an instance holds periodic work once it has taken it: each period's run is one instance's, and a dead instance's turn passes on within it. */
const HELD_SHARE = 0.9;
/** How long the SQLite file's claim lasts unless renewed, and how often it is renewed. */
const SQLITE_CLAIM_MS = 30_000;
const SQLITE_RENEW_MS = 10_000;

/** Which of `shards` parts of periodic work a case falls in: by its id, the same in every instance. */
export function shardOf(id: string, shards: number): number {
  let hash = 0;
  for (let index = 0; index < id.length; index++) hash = (hash * 31 + id.charCodeAt(index)) >>> 0;
  return hash % shards;
}

/** Another live instance already uses the SQLite file: the start stops, saying so. */
export class SecondSqliteInstanceError extends Error {
  override readonly name = 'SecondSqliteInstanceError';
}

/**
 * Periodic work among the instances sharing one database. On PostgreSQL each task (the hourly
 * review, the reply poll) runs in the one instance that takes its lease for the period, and an
 * instance stopping gives its leases up. SQLite is one instance: its work simply runs, and
 * `claimSqliteFile` refuses a second live instance on the same file.
 */
export function instanceLeases(deps: { leases: Leases; engine: 'sqlite' | 'postgres'; instanceId: string; now?: () => number }) {
  const now = deps.now ?? (() => Date.now());
  const held = new Set<string>();
  /** Runs `work` when this instance takes (or holds) the lease `name` for `forMs`; false when another holds it. */
  const holding = async (name: string, forMs: number, work: () => Promise<void>): Promise<boolean> => {
    if (deps.engine === 'postgres') {
      if (!(await deps.leases.take(name, deps.instanceId, { now: now(), forMs }))) return false;
      held.add(name);
    }
    await work();
    return true;
  };
  /** Runs `work` when this instance holds the task `name` for this period; false when another does. */
  const once = (name: string, periodMs: number, work: () => Promise<void>) => holding(name, Math.round(periodMs * HELD_SHARE), work);
  return {
    once,
    /**
     * Periodic work split into `shards` parts, each run once per clock period (periods start at
     * multiples of `periodMs`) by whichever instance takes it first: each part's lease lasts until
     * the period ends. An instance runs every part not yet taken this period, so instances whose
     * turns overlap share the work, and one alone runs it all. A part whose instance died is run
     * again the next period. Answers how many parts this instance ran.
     */
    async spread(name: string, shards: number, periodMs: number, work: (shard: number) => Promise<void>): Promise<number> {
      let ran = 0;
      for (let shard = 0; shard < shards; shard++) {
        const at = now();
        const periodEnds = (Math.floor(at / periodMs) + 1) * periodMs;
        if (await holding(`${name}:${shard}`, periodEnds - at, () => work(shard))) ran++;
      }
      return ran;
    },
    /** Gives up every lease this instance holds (on a clean stop). */
    async releaseAll(): Promise<void> {
      for (const name of held) await deps.leases.release(name, deps.instanceId);
      held.clear();
    },
  };
}

/** Whether a process of this host with that pid is alive (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SQLite runs one instance: claims the file for this process (renewed while it runs) and refuses
 * when another live instance holds it — by its host and pid, so a crashed one's claim is taken
 * over at once on the same host, and any host's after 30 s. Returns the release for a clean stop.
 */
export async function claimSqliteFile(deps: { leases: Leases; file: string; now?: () => number; onRenewFailed: (error: unknown) => void }): Promise<() => Promise<void>> {
  const now = deps.now ?? (() => Date.now());
  const me = `${hostname()}:${process.pid}`;
  const name = 'sqlite-instance';
  const take = () => deps.leases.take(name, me, { now: now(), forMs: SQLITE_CLAIM_MS });
  if (!(await take())) {
    const other = await deps.leases.holderOf(name, now());
    const [host, pid] = other?.holder.split(':') ?? [];
    if (other && host === hostname() && pid && !alive(Number(pid))) await deps.leases.release(name, other.holder);
    else if (other) throw new SecondSqliteInstanceError(`Core Group on SQLite runs as one instance, and another (process ${pid ?? '?'} on ${host ?? '?'}) is using ${deps.file}. Stop it first, or use PostgreSQL (DATABASE_URL) to run more than one instance.`);
    if (!(await take())) throw new SecondSqliteInstanceError(`another instance took ${deps.file} just now: Core Group on SQLite runs as one instance.`);
  }
  const renewing = setInterval(() => void take().catch(deps.onRenewFailed), SQLITE_RENEW_MS);
  renewing.unref();
  return async () => {
    clearInterval(renewing);
    await deps.leases.release(name, me);
  };
}
