import { type EdgeCode, errorLogFields, retryAfterMsOf, translationOf } from '../errors/error-codes';
import type { Clock } from '../services/ports/clock.port';
import type { Job, JobQueue } from '../services/ports/store.port';

/** Messages in hand at once in the app: enough to keep Teams' 50/s per tenant busy across a 100 ms round trip (fan-out benchmark). */
export const MESSAGE_JOB_CONCURRENCY = 10;

/**
 * Does one kind of job. Throwing fails the attempt: its code's row in the error table says whether
 * the job is tried again (a `retryAfterMs` on the error sets when) or dead-lettered now.
 */
export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

/** What the runner reports when an attempt fails, or the queue itself does. */
export interface JobFailure {
  readonly jobId?: string;
  readonly kind?: string;
  /** The error's name and code: its message can carry personal data. */
  readonly reason: string;
  readonly code: EdgeCode;
  /** The error table said not to try again: the job is dead now, whatever attempts it had left. */
  readonly deadLetter?: boolean;
  /** The error itself, when the queue failed (not a job). */
  readonly err?: unknown;
}

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
 * the handler for its kind, and completes it or records the failure, as the error table says for
 * its code: retried with backoff (or at the time the remote side asked for) and dead-lettered after
 * its attempts, or dead-lettered at once when trying again cannot help (a refusal, a record that
 * is not there). Error text is reduced to its name and code: messages can carry personal data.
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
  /** Told of every failed attempt (with its code, and whether it was dead-lettered) and of a queue that failed; for the logs. */
  onError?: (details: JobFailure) => void;
  /** Per kind, what records that a job of that kind is dead (given the dead job), so a notice that never went is not lost silently. */
  onDeadLetter?: Readonly<Record<string, JobHandler>>;
}): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  const concurrency = options.concurrency ?? 1;
  const inHand = new Set<Promise<void>>();
  /**
   * The ids of the jobs in hand. A job waiting behind its recipient's earlier one can outlive its
   * lease; claimed again by this same runner, it must not be started a second time (the card would
   * go out twice) — the copy in hand completes it.
   */
  const inHandIds = new Set<string>();
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
      const failure = error as { name?: string; code?: string };
      const reason = [failure.name ?? 'Error', failure.code].filter(Boolean).join(':');
      const translation = translationOf(error);
      const deadLetter = translation.job === 'dead-letter';
      options.onError?.({ jobId: job.id, kind: job.kind, reason, code: translation.code, deadLetter });
      try {
        const failed = await options.queue.fail(job.id, { workerId: options.workerId, error: reason, now: options.clock.nowIso(), retryAfterMs: retryAfterMsOf(error), deadLetter });
        if (failed.status === 'dead') await options.onDeadLetter?.[job.kind]?.(job.payload, failed);
      } catch (failed) {
        // The lease runs out and the job is claimed again: recording the failure is not worth failing the runner for.
        options.onError?.({ jobId: job.id, kind: job.kind, reason: 'the failure could not be recorded', ...errorLogFields(failed) });
      }
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
    inHandIds.add(job.id);
    void done.then(() => {
      inHand.delete(done);
      inHandIds.delete(job.id);
      wake?.();
    });
    return done;
  };

  const claim = (limit: number) => options.queue.claim({ workerId: options.workerId, now: options.clock.nowIso(), leaseMs, limit });
  /** The loop outlives a database that does not answer: it logs, and looks again after the poll interval. */
  const claimFailed = (error: unknown): Job[] => {
    options.onError?.({ reason: 'jobs could not be claimed', ...errorLogFields(error) });
    return [];
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, options.pollMs ?? 1000);
    });

  const loop = async () => {
    while (!stopped) {
      const free = concurrency - inHand.size;
      const jobs = free > 0 ? await claim(Math.min(free, options.batchSize ?? concurrency)).catch(claimFailed) : [];
      for (const job of jobs) {
        if (!inHandIds.has(job.id)) void dispatch(job);
      }
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
