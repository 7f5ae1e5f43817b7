import { setMaxListeners } from 'node:events';
import { type AccountPlan, gradeAccount } from './grade-account';
import { mapPool } from './pool';
import { stageChecks } from './stage';
import type { AccountGrade, GradeOptions, GradeTarget, GradingRun } from './types';

export const GRADING_DEFAULTS = {
  /**
   * Accounts graded at once. An account is a few round-trips of waiting (AssumeRole, GetCallerIdentity, the stage's
   * describes: ~3-4 L) and a few ms of CPU, so throughput is concurrency / (3-4 L) until the CPU runs out: at 32 and
   * L = 100 ms, ~5,600 accounts/min in `npm run bench` (16 capped it below 3,000) on under half a core in-process;
   * over the real wire (~20 ms of CPU per account with HTTP, signing and XML) it needs ~1.5 cores at that rate.
   */
  concurrency: 32,
  timeoutMs: 60_000,
  retries: 3,
  baseMs: 1000,
  capMs: 20_000,
} as const;

/**
 * Grade a stage over many accounts: at most `concurrency` at once, each within `timeoutMs`, each verified with STS
 * before it is graded. One account's failure — denied, throttled for good, timed out, another account than the
 * roster says — is that account's status and never stops the others. Accounts come back in the entries' order.
 */
export async function gradeAccounts<E extends GradeTarget>(options: GradeOptions<E>): Promise<GradingRun> {
  const { entries, stage } = options;
  const concurrency = options.concurrency ?? GRADING_DEFAULTS.concurrency;
  const { checks, notImplemented } = stageChecks(stage);
  const plan: AccountPlan<E> = {
    stage,
    checks,
    timeoutMs: options.timeoutMs ?? GRADING_DEFAULTS.timeoutMs,
    retries: options.retries ?? GRADING_DEFAULTS.retries,
    baseMs: options.backoff?.baseMs ?? GRADING_DEFAULTS.baseMs,
    capMs: options.backoff?.capMs ?? GRADING_DEFAULTS.capMs,
    random: options.random ?? Math.random,
    makeClients: options.makeClients,
    ...(options.store ? { store: options.store } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  // Each account in flight listens to the caller's signal.
  if (options.signal) setMaxListeners(concurrency + 10, options.signal);
  const startedAt = new Date();
  const started = performance.now();
  const counts = { done: 0, inFlight: 0, graded: 0, mismatch: 0, error: 0 };

  const accounts = await mapPool(entries, concurrency, async (entry): Promise<AccountGrade> => {
    counts.inFlight++;
    const grade = await gradeAccount(entry, plan);
    counts.inFlight--;
    counts.done++;
    counts[grade.status]++;
    try {
      options.onProgress?.({ total: entries.length, ...counts, last: grade });
    } catch {
      // A broken progress display never stops the grading.
    }
    return grade;
  });

  return {
    stage,
    checks: checks.map((c) => ({ id: c.id, severity: c.severity, title: c.title })),
    notImplemented,
    startedAt: startedAt.toISOString(),
    ms: performance.now() - started,
    concurrency,
    accounts,
  };
}
