import type { Clock } from '../services/ports/clock.port';
import type { Job, JobQueue } from '../services/ports/store.port';

/** Messages in hand at once in the app: enough to keep Teams' 50/s per tenant busy across a 100 ms round trip (fan-out benchmark). */
export const MESSAGE_JOB_CONCURRENCY = 10;

/** Does one kind of job. Throwing fails the attempt; a `retryAfterMs` on the error sets when to try again. */
export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

export interface JobRunner {
  /** Claims one batch of due jobs and runs it to the end; resolves with how many ran. */
  runOnce(): Promise<number>;
  start(): void;
  /** Stops claiming, lets the jobs in hand finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Runs durable jobs from the job table: claims due jobs under a lease (so two instances never run
 * the same job, and a job whose instance died is taken again once its lease ends), runs each with
 * the handler for its kind, and completes it or records the failure (retried with backoff, or at
 * the time the remote side asked for, dead-lettered after its attempts). Error text is reduced to
 * its name and code: messages can carry personal data.
 *
 * Up to `concurrency` jobs are in hand at once, and a new one is claimed as soon as one finishes,
 * so a slow remote side (Teams across the internet) does not hold the queue to one round trip per
 * message. Jobs in the same group (`groupOf`, e.g. the recipient) run one after another, in order.
 */
export function createJobRunner(options: {
  queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'>;
  handlers: Readonly<Record<string, JobHandler>>;
  workerId: string;
  clock: Pick<Clock, 'nowIso'>;
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  groupOf?: (job: Job) => string | undefined;
  pollMs?: number;
  onError?: (details: { jobId: string; kind: string; reason: string }) => void;
}): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 1;
  const inHand = new Set<Promise<void>>();
  const groupTails = new Map<string, Promise<void>>();
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let stopped = true;

  const run = async (job: Job) => {
    const handler = options.handlers[job.kind];
    try {
      if (!handler) throw Object.assign(new Error('no handler'), { name: 'UnknownJobKind' });
      await handler(job.payload, job);
      await options.queue.complete(job.id, options.workerId);
    } catch (error) {
      const failure = error as { name?: string; code?: string; retryAfterMs?: number };
      const reason = [failure.name ?? 'Error', failure.code].filter(Boolean).join(':');
      options.onError?.({ jobId: job.id, kind: job.kind, reason });
      await options.queue.fail(job.id, { workerId: options.workerId, error: reason, now: options.clock.nowIso(), retryAfterMs: failure.retryAfterMs }).catch(() => undefined);
    }
  };

  /** Starts a job, after the one before it in its group. */
  const dispatch = (job: Job): Promise<void> => {
    const group = options.groupOf?.(job);
    const previous = group ? (groupTails.get(group) ?? Promise.resolve()) : Promise.resolve();
    const done = previous.then(() => run(job));
    if (group) {
      groupTails.set(group, done);
      void done.then(() => {
        if (groupTails.get(group) === done) groupTails.delete(group);
      });
    }
    inHand.add(done);
    void done.then(() => {
      inHand.delete(done);
      wake?.();
    });
    return done;
  };

  const claim = (limit: number) => options.queue.claim({ workerId: options.workerId, now: options.clock.nowIso(), leaseMs, limit });

  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, options.pollMs ?? 1000);
    });

  const loop = async () => {
    while (!stopped) {
      const free = concurrency - inHand.size;
      const jobs = free > 0 ? await claim(Math.min(free, options.batchSize ?? concurrency)).catch(() => []) : [];
      for (const job of jobs) void dispatch(job);
      // Nothing due, or every slot taken: wait until a job finishes or it is time to look again.
      if (!stopped && (jobs.length === 0 || inHand.size >= concurrency)) await sleep();
    }
    await Promise.all([...inHand]);
  };

  return {
    async runOnce() {
      const jobs = await claim(options.batchSize ?? Math.max(10, concurrency));
      const waiting = [...jobs];
      const worker = async () => {
        for (let job = waiting.shift(); job; job = waiting.shift()) await dispatch(job);
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
      return jobs.length;
    },
    start() {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
  };
}
