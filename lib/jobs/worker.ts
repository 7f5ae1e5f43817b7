import { type JobQueue, type JobRow, jobSettings } from './queue';

/** What a kind of job does: run it (again, after a crash: it must be safe to repeat), or close it for good. */
export interface JobHandler {
  run(job: JobRow, signal: AbortSignal): Promise<void>;
  /** The job ran out of attempts (its servers kept dying): close the work it stands for, e.g. mark a run failed. */
  abandon(job: JobRow, reason: string): Promise<void>;
}

/** The job lost its lock to another worker (this server's heartbeat stopped): stop and write nothing more. */
export class JobLostError extends Error {
  constructor(readonly jobId: string) {
    super(`Job ${jobId} was taken over by another worker.`);
    this.name = 'JobLostError';
  }
}

// The jobs this process holds, on globalThis: Next may load this module more than once.
type Held = Map<string, { queue: JobQueue; controller: AbortController }>;
const heldKey = Symbol.for('scalelab.held-jobs');
const holder = globalThis as { [heldKey]?: Held };
holder[heldKey] ??= new Map();
const held: Held = holder[heldKey];

/**
 * Run `work` for a job this worker holds, renewing its heartbeat until it ends; then mark it done (or failed, to be
 * retried). `work` gets a signal that aborts when the lock is lost. Resolves with what `work` returns.
 */
export async function runHeld<T>(
  queue: JobQueue,
  job: JobRow,
  work: (signal: AbortSignal) => Promise<T>,
  options: { heartbeatMs?: number } = {},
): Promise<T> {
  const controller = new AbortController();
  held.set(job.id, { queue, controller });
  const beat = setInterval(() => {
    queue
      .heartbeat(job.id)
      .then((ok) => {
        if (!ok) controller.abort(new JobLostError(job.id));
      })
      .catch(() => undefined); // A missed beat is retried on the next tick; staleness allows for two.
  }, options.heartbeatMs ?? jobSettings().heartbeatMs);
  beat.unref();
  try {
    const result = await work(controller.signal);
    if (!controller.signal.aborted) await queue.complete(job.id);
    return result;
  } catch (err) {
    if (!controller.signal.aborted) await queue.fail(job.id, (err as Error).message).catch(() => undefined);
    throw err;
  } finally {
    clearInterval(beat);
    held.delete(job.id);
  }
}

export interface WorkerOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  /** How often to look for due or orphaned jobs. */
  pollMs?: number;
  /** At most this many jobs run at once in this worker. */
  concurrency?: number;
  heartbeatMs?: number;
  onError?: (err: Error, job?: JobRow) => void;
}

/**
 * A poller that takes due jobs and jobs whose server stopped (`queue.claim`), resumes them through their handler, and
 * closes as abandoned the ones that have run out of attempts. Several servers run one each over one database.
 */
export function createJobWorker(options: WorkerOptions) {
  const { queue, handlers } = options;
  const kinds = Object.keys(handlers);
  const concurrency = options.concurrency ?? 8;
  const running = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let stopped = false;

  async function take(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    if (!handler) return;
    if (job.attempts > job.maxAttempts) {
      const reason = `abandoned after ${job.maxAttempts} attempt(s): the server running it stopped`;
      await handler.abandon(job, reason);
      await queue.abandon(job.id, reason);
      return;
    }
    await runHeld(queue, job, (signal) => handler.run(job, signal), {
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
    });
  }

  async function poll(): Promise<void> {
    while (!stopped && running.size < concurrency) {
      const job = await queue.claim(kinds);
      if (!job) return;
      const p = take(job)
        .catch((err: Error) => options.onError?.(err, job))
        .finally(() => running.delete(p));
      running.add(p);
    }
  }

  /** Poll now (after enqueueing, or on a timer); concurrent calls share one poll. */
  function kick(): Promise<void> {
    polling ??= poll()
      .catch((err: Error) => options.onError?.(err))
      .finally(() => {
        polling = undefined;
      });
    return polling;
  }

  return {
    kick,
    start() {
      stopped = false;
      timer ??= setInterval(() => void kick(), options.pollMs ?? 2_000);
      timer.unref();
      void kick();
    },
    /** Stop taking work and wait for the running jobs (at most `waitMs`), for tests and a clean shutdown. */
    async stop(waitMs = 10_000): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await Promise.race([Promise.allSettled([polling, ...running]), new Promise((r) => setTimeout(r, waitMs))]);
    },
    get running() {
      return running.size;
    },
  };
}

export type JobWorker = ReturnType<typeof createJobWorker>;

/**
 * At a clean shutdown: hand every job this process still holds back to the queue, so another server (or this one,
 * restarted) takes it at once instead of waiting for the heartbeat to go stale.
 */
export async function releaseHeldJobs(): Promise<number> {
  const jobsHeld = [...held.entries()];
  for (const [id, { queue, controller }] of jobsHeld) {
    controller.abort(new JobLostError(id));
    await queue.release(id).catch(() => undefined);
  }
  return jobsHeld.length;
}
