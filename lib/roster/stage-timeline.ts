import type { StageId } from '@/lib/labs/types';
import type { RosterFacts } from '@/lib/progress/instructor-store';

type Override = RosterFacts['overrides'][number];
type PassedRun = RosterFacts['passedRuns'][number];

/** One learner's stored facts, as the roster groups them. */
export interface LearnerFacts {
  joinedAt: Date;
  passedRuns: readonly Pick<PassedRun, 'stageId' | 'finishedAt'>[];
  overrides: readonly Pick<Override, 'stageId' | 'kind' | 'createdAt'>[];
}

const time = (d: Date | null | undefined) => d?.getTime() ?? Number.NaN;

/** When the learner last reset this stage (undefined: never). Runs and overrides before it no longer count. */
export function lastResetAt(facts: Pick<LearnerFacts, 'overrides'>, stageId: string): number | undefined {
  const resets = facts.overrides
    .filter((o) => o.stageId === stageId && o.kind === 'reset')
    .map((o) => time(o.createdAt));
  return resets.length ? Math.max(...resets) : undefined;
}

/** When the stage was first completed after its latest reset: a passing run or an instructor's "complete". */
export function completedAt(facts: LearnerFacts, stageId: string): number | undefined {
  const since = lastResetAt(facts, stageId) ?? Number.NEGATIVE_INFINITY;
  const times = [
    ...facts.passedRuns.filter((r) => r.stageId === stageId).map((r) => time(r.finishedAt)),
    ...facts.overrides.filter((o) => o.stageId === stageId && o.kind === 'complete').map((o) => time(o.createdAt)),
  ].filter((t) => t > since);
  return times.length ? Math.min(...times) : undefined;
}

/**
 * Since when the learner has been on their current stage without passing it: the latest of joining the event, the
 * stage's latest reset, its unlock (by the stage before it completed, or an instructor's unlock) and the completion
 * of every stage before it. That is what "stuck for N min" counts from.
 */
export function onStageSince(facts: LearnerFacts, enabled: readonly StageId[], current: StageId): Date {
  const i = enabled.indexOf(current);
  const reset = lastResetAt(facts, current) ?? Number.NEGATIVE_INFINITY;
  const unlocks = facts.overrides
    .filter((o) => o.stageId === current && o.kind === 'unlock')
    .map((o) => time(o.createdAt))
    .filter((t) => t > reset);
  const prev = i > 0 ? enabled[i - 1] : undefined;
  const prevDone = prev ? completedAt(facts, prev) : undefined;
  const openedAt = Math.min(...unlocks, prevDone ?? Number.POSITIVE_INFINITY);
  const earlier = enabled.slice(0, Math.max(0, i)).map((s) => completedAt(facts, s) ?? Number.NEGATIVE_INFINITY);
  const since = Math.max(
    time(facts.joinedAt),
    reset,
    Number.isFinite(openedAt) ? openedAt : Number.NEGATIVE_INFINITY,
    ...earlier,
  );
  return new Date(since);
}

/** Minutes on a stage after which the roster calls a learner stuck. */
export const STUCK_AFTER_MINUTES = 15;

/** Whole minutes from `since` to `now` (never negative: clocks of two servers may differ a little). */
export function minutesSince(since: string | Date, now: number): number {
  return Math.max(0, Math.floor((now - new Date(since).getTime()) / 60_000));
}
