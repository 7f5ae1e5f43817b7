import type { StageId } from '@/lib/labs/types';

export type StageStatus = 'locked' | 'unlocked' | 'completed';

export interface UnlockFacts {
  /** Stage ids in journey order. */
  stages: readonly StageId[];
  /** Finished runs in which every required check passed: when, for which stage. */
  passedRuns: { stageId: string; finishedAt: Date }[];
  overrides: { stageId: string; kind: 'unlock' | 'complete' | 'reset'; createdAt: Date }[];
}

/**
 * The unlock rule, in one place. The first stage is always open. A stage is completed when a stored run of it has
 * every required check `pass` (or an instructor marked it complete) after its latest reset; the stage after a
 * completed one unlocks; an instructor may unlock any stage. A reset clears what came before it for that stage.
 */
export function stageStatuses(facts: UnlockFacts): Record<StageId, StageStatus> {
  const lastReset = new Map<string, number>();
  for (const o of facts.overrides) {
    if (o.kind === 'reset') lastReset.set(o.stageId, Math.max(lastReset.get(o.stageId) ?? 0, o.createdAt.getTime()));
  }
  const after = (stageId: string, at: Date) => at.getTime() > (lastReset.get(stageId) ?? Number.NEGATIVE_INFINITY);
  const completed = new Set<string>();
  const unlockedByOverride = new Set<string>();
  for (const run of facts.passedRuns) if (after(run.stageId, run.finishedAt)) completed.add(run.stageId);
  for (const o of facts.overrides) {
    if (!after(o.stageId, o.createdAt)) continue;
    if (o.kind === 'complete') completed.add(o.stageId);
    if (o.kind === 'unlock') unlockedByOverride.add(o.stageId);
  }
  const out = {} as Record<StageId, StageStatus>;
  facts.stages.forEach((id, i) => {
    const prev = facts.stages[i - 1];
    const open = i === 0 || unlockedByOverride.has(id) || (prev !== undefined && completed.has(prev));
    out[id] = completed.has(id) && open ? 'completed' : open ? 'unlocked' : 'locked';
  });
  return out;
}
