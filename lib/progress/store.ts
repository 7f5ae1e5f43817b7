import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { createJobQueue } from '@/lib/jobs/queue';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { Database } from './database';
import { sandboxStateStore } from './sandbox-states';
import { accounts, checkRuns, jobs, learners, quizAnswers, stackOperations, stageOverrides } from './schema';
import { quizPassedStages, type StageStatus, stageStatuses, type UnlockPolicy } from './unlock';

export interface QuizAnswerRecord {
  learnerId: string;
  stageId: StageId;
  questionId: string;
  choiceIds: string[];
  correct: boolean;
}

export interface CheckRunStart {
  learnerId: string;
  stageId: StageId;
  accountKind: string;
  accountId?: string | null;
}

export interface CheckRunFinish {
  results: unknown[];
  apiCalls: unknown[];
  allRequiredPassed: boolean;
  accountId?: string | null;
  error?: string | null;
  /** `error` explained in Korean (a Korean page shows it; exports keep `error`). */
  errorKo?: string | null;
  /** The architecture snapshot of the run's Inventory (lib/architecture), capped in size. */
  architecture?: unknown;
}

export type CheckRunRow = typeof checkRuns.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type StackOperationRow = typeof stackOperations.$inferSelect;
export type OverrideKind = 'unlock' | 'complete' | 'reset';

/** What a change on the store tells live pages (SSE): a channel per learner, one for everything. */
export interface ProgressEvent {
  type: 'check-run' | 'check-result' | 'stage-override' | 'quiz' | 'stack-operation';
  learnerId: string;
  stageId?: string | null;
  id?: string;
}

export const ALL_CHANNEL = 'scalelab_progress';

/** A check run refused: one is already running for this learner, or the last one ended too recently. */
export class RunLimitError extends Error {
  constructor(
    readonly reason: 'running' | 'cooldown',
    readonly retryAfterMs: number,
  ) {
    super(
      reason === 'running'
        ? 'A check run is already in progress for this learner.'
        : `Checks ran moments ago; try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
    );
    this.name = 'RunLimitError';
  }
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code === '23505' || e.cause?.code === '23505';
}

/** The typed store: everything the app and the CLI read and write. No SQL outside lib/progress. */
export function createStore(database: Database) {
  const { db } = database;

  async function publish(event: ProgressEvent): Promise<void> {
    await database.notify(ALL_CHANNEL, JSON.stringify(event));
  }

  return {
    kind: database.kind,
    /** The job queue in this database (lib/jobs): long work that survives the server running it. */
    jobs: createJobQueue(database),
    /** The database itself, for what works on the whole store (backups, shutdown). */
    database,

    async ensureLearner(id: string): Promise<void> {
      await db
        .insert(learners)
        .values({ id })
        .onConflictDoUpdate({ target: learners.id, set: { lastSeenAt: sql`now()` } });
    },

    async learnerExists(id: string): Promise<boolean> {
      const rows = await db.select({ id: learners.id }).from(learners).where(eq(learners.id, id)).limit(1);
      return rows.length > 0;
    },

    /**
     * Every stage's status for this learner, by the unlock rule (lib/progress/unlock.ts). `policy` is what the
     * learner's event adds (lib/events/policy): the stages it enables, and the quiz questions that gate each stage.
     */
    async stageStatuses(learnerId: string, policy: UnlockPolicy = {}): Promise<Record<StageId, StageStatus>> {
      const gate = policy.quizQuestions;
      const [passedRuns, overrides, correctAnswers] = await Promise.all([
        db
          .select({ stageId: checkRuns.stageId, finishedAt: checkRuns.finishedAt })
          .from(checkRuns)
          .where(
            and(
              eq(checkRuns.learnerId, learnerId),
              eq(checkRuns.status, 'finished'),
              eq(checkRuns.allRequiredPassed, true),
            ),
          ),
        db
          .select({ stageId: stageOverrides.stageId, kind: stageOverrides.kind, createdAt: stageOverrides.createdAt })
          .from(stageOverrides)
          .where(eq(stageOverrides.learnerId, learnerId)),
        gate
          ? db
              .select({ stageId: quizAnswers.stageId, questionId: quizAnswers.questionId })
              .from(quizAnswers)
              .where(and(eq(quizAnswers.learnerId, learnerId), eq(quizAnswers.correct, true)))
          : [],
      ]);
      return stageStatuses({
        stages: stageIds,
        passedRuns: passedRuns.flatMap((r) => (r.finishedAt ? [{ stageId: r.stageId, finishedAt: r.finishedAt }] : [])),
        overrides,
        enabled: policy.stagesEnabled,
        quizPassed: gate ? quizPassedStages(gate, correctAnswers, stageIds) : undefined,
      });
    },

    async recordQuizAnswer(answer: QuizAnswerRecord): Promise<void> {
      await db
        .insert(quizAnswers)
        .values(answer)
        .onConflictDoUpdate({
          target: [quizAnswers.learnerId, quizAnswers.stageId, quizAnswers.questionId],
          set: {
            choiceIds: answer.choiceIds,
            correct: answer.correct,
            attempts: sql`${quizAnswers.attempts} + 1`,
            answeredAt: sql`now()`,
          },
        });
      await publish({ type: 'quiz', learnerId: answer.learnerId, stageId: answer.stageId });
    },

    async quizAnswers(
      learnerId: string,
      stageId: StageId,
    ): Promise<{ questionId: string; choiceIds: string[]; correct: boolean; attempts: number }[]> {
      return db
        .select({
          questionId: quizAnswers.questionId,
          choiceIds: quizAnswers.choiceIds,
          correct: quizAnswers.correct,
          attempts: quizAnswers.attempts,
        })
        .from(quizAnswers)
        .where(and(eq(quizAnswers.learnerId, learnerId), eq(quizAnswers.stageId, stageId)));
    },

    /**
     * Start a run, or refuse: one running run per learner (a unique index, so it holds across servers) and a
     * cool-down after the last one, so a room of learners cannot exhaust an account's API quota. A run left
     * `running` by a crashed server is given up: one whose job (lib/jobs) has no fresh heartbeat for `staleAfterMs`
     * (a run started without a job, e.g. by grading, counts from its start).
     */
    async startCheckRun(
      start: CheckRunStart,
      limits: { cooldownMs?: number; staleAfterMs?: number } = {},
    ): Promise<CheckRunRow> {
      const { cooldownMs = 0, staleAfterMs = 30_000 } = limits;
      const since = sql`now() - (${staleAfterMs} * interval '1 millisecond')`;
      await db
        .update(checkRuns)
        .set({ status: 'failed', error: 'abandoned: the server running it stopped', finishedAt: sql`now()` })
        .where(
          and(
            eq(checkRuns.learnerId, start.learnerId),
            eq(checkRuns.status, 'running'),
            sql`${checkRuns.startedAt} < ${since}`,
            sql`not exists (select 1 from ${jobs} where ${jobs.kind} = 'check-run' and ${jobs.key} = ${checkRuns.id}::text
              and ${jobs.state} = 'running' and ${jobs.heartbeatAt} >= ${since})`,
          ),
        );
      if (cooldownMs > 0) {
        const [last] = await db
          .select({ finishedAt: checkRuns.finishedAt })
          .from(checkRuns)
          .where(and(eq(checkRuns.learnerId, start.learnerId), ne(checkRuns.status, 'running')))
          .orderBy(desc(checkRuns.finishedAt))
          .limit(1);
        const wait = last?.finishedAt ? last.finishedAt.getTime() + cooldownMs - Date.now() : 0;
        if (wait > 0) throw new RunLimitError('cooldown', wait);
      }
      let row: CheckRunRow | undefined;
      try {
        [row] = await db.insert(checkRuns).values(start).returning();
      } catch (err) {
        if (isUniqueViolation(err)) throw new RunLimitError('running', 0);
        throw err;
      }
      if (!row) throw new Error('The check run was not stored.');
      await publish({ type: 'check-run', learnerId: start.learnerId, stageId: start.stageId, id: row.id });
      return row;
    },

    /** Keep each result as it arrives, so a page that connects mid-run sees what is done so far. */
    async appendCheckResult(id: string, result: unknown): Promise<void> {
      const [row] = await db
        .update(checkRuns)
        .set({ results: sql`${checkRuns.results} || ${JSON.stringify([result])}::jsonb` })
        .where(eq(checkRuns.id, id))
        .returning({ learnerId: checkRuns.learnerId, stageId: checkRuns.stageId });
      if (row) await publish({ type: 'check-result', learnerId: row.learnerId, stageId: row.stageId, id });
    },

    async finishCheckRun(id: string, finish: CheckRunFinish): Promise<CheckRunRow> {
      const [row] = await db
        .update(checkRuns)
        .set({
          ...finish,
          status: finish.error ? 'failed' : 'finished',
          // A failed run (the engine broke, not the learner) never unlocks.
          allRequiredPassed: finish.error ? false : finish.allRequiredPassed,
          finishedAt: sql`now()`,
        })
        .where(eq(checkRuns.id, id))
        .returning();
      if (!row) throw new Error(`No check run ${id}.`);
      await publish({ type: 'check-run', learnerId: row.learnerId, stageId: row.stageId, id });
      return row;
    },

    /** A run taken over after its server stopped starts again from nothing; undefined when it is no longer running. */
    async restartCheckRun(id: string): Promise<CheckRunRow | undefined> {
      const [row] = await db
        .update(checkRuns)
        .set({ results: [], apiCalls: [], architecture: null })
        .where(and(eq(checkRuns.id, id), eq(checkRuns.status, 'running')))
        .returning();
      if (row) await publish({ type: 'check-run', learnerId: row.learnerId, stageId: row.stageId, id });
      return row;
    },

    /** Close a run nobody can finish (its servers stopped): failed, with the reason; a finished run is left alone. */
    async abandonCheckRun(id: string, reason: string): Promise<void> {
      const [row] = await db
        .update(checkRuns)
        .set({ status: 'failed', error: reason, allRequiredPassed: false, finishedAt: sql`now()` })
        .where(and(eq(checkRuns.id, id), eq(checkRuns.status, 'running')))
        .returning();
      if (row) await publish({ type: 'check-run', learnerId: row.learnerId, stageId: row.stageId, id });
    },

    /** The learner's latest run of a stage since its latest reset (a reset run no longer speaks for the stage). */
    async latestCheckRun(learnerId: string, stageId: StageId): Promise<CheckRunRow | undefined> {
      const lastReset = sql`(select max(${stageOverrides.createdAt}) from ${stageOverrides}
        where ${stageOverrides.learnerId} = ${learnerId} and ${stageOverrides.stageId} = ${stageId}
        and ${stageOverrides.kind} = 'reset')`;
      const [row] = await db
        .select()
        .from(checkRuns)
        .where(
          and(
            eq(checkRuns.learnerId, learnerId),
            eq(checkRuns.stageId, stageId),
            sql`(${lastReset} is null or ${checkRuns.startedAt} > ${lastReset})`,
          ),
        )
        .orderBy(desc(checkRuns.startedAt))
        .limit(1);
      return row;
    },

    async checkRun(id: string): Promise<CheckRunRow | undefined> {
      const [row] = await db.select().from(checkRuns).where(eq(checkRuns.id, id)).limit(1);
      return row;
    },

    async recordOverride(o: {
      learnerId: string;
      stageId: StageId;
      kind: OverrideKind;
      by: string;
      reason?: string;
    }): Promise<void> {
      await db.insert(stageOverrides).values(o);
      await publish({ type: 'stage-override', learnerId: o.learnerId, stageId: o.stageId });
    },

    async startStackOperation(op: typeof stackOperations.$inferInsert): Promise<StackOperationRow> {
      const [row] = await db.insert(stackOperations).values(op).returning();
      if (!row) throw new Error('The stack operation was not stored.');
      await publish({ type: 'stack-operation', learnerId: op.learnerId, stageId: op.stageId, id: row.id });
      return row;
    },

    async latestStackOperation(learnerId: string): Promise<StackOperationRow | undefined> {
      const [row] = await db
        .select()
        .from(stackOperations)
        .where(eq(stackOperations.learnerId, learnerId))
        .orderBy(desc(stackOperations.startedAt))
        .limit(1);
      return row;
    },

    /** The second region the learner last launched (or deleted) a two-region pair with; undefined before any. */
    async learnerSecondRegion(learnerId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ secondRegion: stackOperations.secondRegion })
        .from(stackOperations)
        .where(and(eq(stackOperations.learnerId, learnerId), isNotNull(stackOperations.secondRegion)))
        .orderBy(desc(stackOperations.startedAt))
        .limit(1);
      return row?.secondRegion ?? undefined;
    },

    async stackOperation(id: string): Promise<StackOperationRow | undefined> {
      const [row] = await db.select().from(stackOperations).where(eq(stackOperations.id, id)).limit(1);
      return row;
    },

    async finishStackOperation(id: string, status: string, statusReason?: string | null): Promise<void> {
      const [row] = await db
        .update(stackOperations)
        .set({ status, statusReason: statusReason ?? null, finishedAt: sql`now()` })
        .where(eq(stackOperations.id, id))
        .returning();
      if (row) await publish({ type: 'stack-operation', learnerId: row.learnerId, stageId: row.stageId, id });
    },

    /** Connect an account: it becomes the learner's active one; earlier connections stay, inactive, for the record. */
    async saveAccount(account: Omit<typeof accounts.$inferInsert, 'id' | 'active' | 'createdAt'>): Promise<AccountRow> {
      return db.transaction(async (tx) => {
        await tx.update(accounts).set({ active: false }).where(eq(accounts.learnerId, account.learnerId));
        const [row] = await tx
          .insert(accounts)
          .values({ ...account, active: true })
          .returning();
        if (!row) throw new Error('The account was not stored.');
        return row;
      });
    },

    /** The account the learner works in now (the latest active connection), if they connected one. */
    async activeAccount(learnerId: string): Promise<AccountRow | undefined> {
      const [row] = await db
        .select()
        .from(accounts)
        .where(and(eq(accounts.learnerId, learnerId), eq(accounts.active, true)))
        .orderBy(desc(accounts.createdAt))
        .limit(1);
      return row;
    },

    ...sandboxStateStore(db),

    /** Live updates from every server sharing this database (LISTEN/NOTIFY). Returns the unsubscribe function. */
    async subscribe(onEvent: (event: ProgressEvent) => void): Promise<() => Promise<void>> {
      return database.listen(ALL_CHANNEL, (payload) => {
        try {
          onEvent(JSON.parse(payload) as ProgressEvent);
        } catch {
          // Not ours: ignore.
        }
      });
    },

    close: () => database.close(),
  };
}

export type Store = ReturnType<typeof createStore>;
