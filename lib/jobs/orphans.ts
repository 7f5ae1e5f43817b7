import { and, eq, isNull, notExists, sql } from 'drizzle-orm';
import type { Store } from '@/lib/progress';
import { checkRuns, jobs, stackOperations } from '@/lib/progress/schema';

/**
 * Work a stopped server left without a job row (stored before jobs existed, or the server died between writing the
 * row and its job): at start, a stack operation still "in progress" gets a follow job, so its real status is read from
 * the account; a check run still "running" is closed as abandoned. Safe on several servers at once: the open-job
 * unique index lets one of them enqueue each follow.
 */
export async function adoptOrphans(
  store: Store,
  options: { kinds: { checkRun: string; stackFollow: string }; graceMs?: number },
): Promise<{ followed: number; abandoned: number }> {
  const { db } = store.database;
  const before = sql`now() - (${options.graceMs ?? 60_000} * interval '1 millisecond')`;
  const jobFor = (kind: string, key: typeof stackOperations.id | typeof checkRuns.id) =>
    db
      .select({ one: sql`1` })
      .from(jobs)
      .where(and(eq(jobs.kind, kind), eq(jobs.key, sql`${key}::text`)));
  const ops = await db
    .select()
    .from(stackOperations)
    .where(
      and(
        isNull(stackOperations.finishedAt),
        sql`${stackOperations.startedAt} < ${before}`,
        notExists(jobFor(options.kinds.stackFollow, stackOperations.id)),
      ),
    );
  let followed = 0;
  for (const op of ops) {
    try {
      await store.jobs.enqueue({
        kind: options.kinds.stackFollow,
        key: op.id,
        payload: { learnerId: op.learnerId, stackName: op.stackName, since: op.startedAt.toISOString() },
        maxAttempts: 5,
      });
      followed++;
    } catch {
      // Another server enqueued it first.
    }
  }
  const runs = await db
    .select({ id: checkRuns.id })
    .from(checkRuns)
    .where(
      and(
        eq(checkRuns.status, 'running'),
        sql`${checkRuns.startedAt} < ${before}`,
        notExists(jobFor(options.kinds.checkRun, checkRuns.id)),
      ),
    );
  for (const run of runs) await store.abandonCheckRun(run.id, 'abandoned: the server running it stopped');
  return { followed, abandoned: runs.length };
}
