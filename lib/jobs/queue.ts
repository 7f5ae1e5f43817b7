import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/progress/database';
import { jobs } from '@/lib/progress/schema';

/**
 * The job table's operations (schema: `jobs` in lib/progress/schema.ts). A job is taken with
 * `UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED LIMIT 1)`, the pattern graphile-worker and pg-boss use: two
 * servers polling at once never take the same row, and neither waits for the other's lock. Every time comparison is
 * the database's `now()`, so servers with skewed clocks agree on whose heartbeat has stopped.
 */
export type JobRow = typeof jobs.$inferSelect;

export const JOB_DEFAULTS = {
  /** How often a worker renews the heartbeat of a job it holds. */
  heartbeatMs: 5_000,
  /** A running job whose heartbeat is older than this belongs to a server that stopped. */
  staleAfterMs: 15_000,
};

export function jobSettings(env = process.env) {
  const stale = Number(env.SCALELAB_JOB_STALE_MS ?? JOB_DEFAULTS.staleAfterMs);
  const staleAfterMs = Number.isFinite(stale) && stale > 0 ? stale : JOB_DEFAULTS.staleAfterMs;
  return { staleAfterMs, heartbeatMs: Math.max(50, Math.min(JOB_DEFAULTS.heartbeatMs, Math.floor(staleAfterMs / 3))) };
}

/** This process, as it signs the jobs it holds: host, pid and a random tail (a restarted pid is a new worker). */
export function processWorkerId(): string {
  const g = globalThis as { [k: symbol]: string | undefined };
  const k = Symbol.for('scalelab.worker-id');
  g[k] ??= `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return g[k];
}

export interface NewJob {
  kind: string;
  key: string;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

export function createJobQueue(database: Database, options: { workerId?: string; staleAfterMs?: number } = {}) {
  const { db } = database;
  const workerId = options.workerId ?? processWorkerId();
  const staleAfterMs = options.staleAfterMs ?? jobSettings().staleAfterMs;
  const stale = () => sql`${jobs.heartbeatAt} < now() - (${staleAfterMs} * interval '1 millisecond')`;
  const mine = (id: string) => and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, 'running'));

  return {
    workerId,
    staleAfterMs,

    /** Queue a job for any worker. */
    async enqueue(job: NewJob): Promise<JobRow> {
      const [row] = await db
        .insert(jobs)
        .values({ ...job, payload: job.payload ?? {} })
        .returning();
      if (!row) throw new Error('The job was not stored.');
      return row;
    },

    /** Store a job already held by this worker (the server that starts the work does it at once, no poll delay). */
    async startHeld(job: NewJob): Promise<JobRow> {
      const [row] = await db
        .insert(jobs)
        .values({
          ...job,
          payload: job.payload ?? {},
          state: 'running',
          attempts: 1,
          lockedBy: workerId,
          lockedAt: sql`now()`,
          heartbeatAt: sql`now()`,
        })
        .returning();
      if (!row) throw new Error('The job was not stored.');
      return row;
    },

    /**
     * Take the next job: a queued one that is due, or a running one whose worker's heartbeat stopped. Its attempt
     * count goes up; a job past `max_attempts` comes back too, for the caller to close as abandoned.
     */
    async claim(kinds: string[]): Promise<JobRow | undefined> {
      if (kinds.length === 0) return undefined;
      const next = db
        .select({ id: jobs.id })
        .from(jobs)
        .where(
          and(
            inArray(jobs.kind, kinds),
            or(and(eq(jobs.state, 'queued'), sql`${jobs.runAt} <= now()`), and(eq(jobs.state, 'running'), stale())),
          ),
        )
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      const [row] = await db
        .update(jobs)
        .set({
          state: 'running',
          attempts: sql`${jobs.attempts} + 1`,
          lockedBy: workerId,
          lockedAt: sql`now()`,
          heartbeatAt: sql`now()`,
        })
        .where(inArray(jobs.id, next))
        .returning();
      return row;
    },

    /** Renew the lock; false when the job is no longer this worker's (taken over, or closed). */
    async heartbeat(id: string): Promise<boolean> {
      const rows = await db.update(jobs).set({ heartbeatAt: sql`now()` }).where(mine(id)).returning({ id: jobs.id });
      return rows.length > 0;
    },

    async complete(id: string): Promise<boolean> {
      const rows = await db
        .update(jobs)
        .set({ state: 'done', finishedAt: sql`now()`, lockedBy: null })
        .where(mine(id))
        .returning({ id: jobs.id });
      return rows.length > 0;
    },

    /** A failed attempt: queued again after `retryInMs` while attempts remain, else failed for good. */
    async fail(id: string, error: string, retryInMs = 1_000): Promise<void> {
      await db
        .update(jobs)
        .set({
          state: sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then 'queued' else 'failed' end`,
          runAt: sql`now() + (${retryInMs} * interval '1 millisecond')`,
          finishedAt: sql`case when ${jobs.attempts} < ${jobs.maxAttempts} then null else now() end`,
          lockedBy: null,
          lastError: error.slice(0, 2000),
        })
        .where(mine(id));
    },

    /** Close a job nobody can finish: its worker stopped too many times. */
    async abandon(id: string, reason: string): Promise<void> {
      await db
        .update(jobs)
        .set({ state: 'abandoned', finishedAt: sql`now()`, lockedBy: null, lastError: reason })
        .where(mine(id));
    },

    /** Hand a held job back at a clean shutdown: another worker takes it at once, and it costs no attempt. */
    async release(id: string): Promise<void> {
      await db
        .update(jobs)
        .set({ state: 'queued', runAt: sql`now()`, lockedBy: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
        .where(mine(id));
    },

    async get(id: string): Promise<JobRow | undefined> {
      const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
      return row;
    },

    /** The open (queued or running) job of a piece of work, if any. */
    async openJob(kind: string, key: string): Promise<JobRow | undefined> {
      const [row] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.kind, kind), eq(jobs.key, key), inArray(jobs.state, ['queued', 'running'])))
        .limit(1);
      return row;
    },
  };
}

export type JobQueue = ReturnType<typeof createJobQueue>;
