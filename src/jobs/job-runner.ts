import type { Clock } from '../services/ports/clock.port';
import type { Job, JobQueue } from '../services/ports/store.port';

/** Does one kind of job. Throwing fails the attempt; a `retryAfterMs` on the error sets when to try again. */
export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

export interface JobRunner {
  /** Claims and runs one batch of due jobs; resolves with how many ran. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs durable jobs from the job table: claims a batch under a lease (so two instances never run
 * the same job, and a job whose instance died is taken again once its lease ends), runs each
 * with the handler for its kind, and completes it or records the failure (retried with backoff,
 * or at the time the remote side asked for, dead-lettered after its attempts). Error text is
 * reduced to its name and code: messages can carry personal data.
 */
export function createJobRunner(options: {
  queue: Pick<JobQueue, 'claim' | 'complete' | 'fail'>;
  handlers: Readonly<Record<string, JobHandler>>;
  workerId: string;
  clock: Pick<Clock, 'nowIso'>;
  leaseMs?: number;
  batchSize?: number;
  pollMs?: number;
  onError?: (details: { jobId: string; kind: string; reason: string }) => void;
}): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let stopped = true;

  const runOnce = async () => {
    const jobs = await options.queue.claim({ workerId: options.workerId, now: options.clock.nowIso(), leaseMs, limit: options.batchSize ?? 10 });
    for (const job of jobs) {
      const handler = options.handlers[job.kind];
      try {
        if (!handler) throw Object.assign(new Error('no handler'), { name: 'UnknownJobKind' });
        await handler(job.payload, job);
        await options.queue.complete(job.id, options.workerId);
      } catch (error) {
        const failure = error as { name?: string; code?: string; retryAfterMs?: number };
        const reason = [failure.name ?? 'Error', failure.code].filter(Boolean).join(':');
        options.onError?.({ jobId: job.id, kind: job.kind, reason });
        await options.queue.fail(job.id, { workerId: options.workerId, error: reason, now: options.clock.nowIso(), retryAfterMs: failure.retryAfterMs });
      }
    }
    return jobs.length;
  };

  const loop = async () => {
    while (!stopped) {
      const ran = await runOnce().catch(() => 0);
      if (ran === 0 && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, options.pollMs ?? 1000);
        });
      }
    }
  };

  return {
    runOnce,
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
