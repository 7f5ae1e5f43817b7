import type { StageId } from '@/lib/labs/types';

export type StageStatus = 'locked' | 'unlocked' | 'completed';

export interface UnlockFacts {
  /** Stage ids in journey order. */
  stages: readonly StageId[];
  /** Finished runs in which every required check passed: when, for which stage. */
  passedRuns: { stageId: string; finishedAt: Date }[];
  overrides: { stageId: string; kind: 'unlock' | 'complete' | 'reset'; createdAt: Date }[];
  /** The stages a learner's event enables (absent: all). The others stay locked; the first enabled one is open. */
  enabled?: readonly StageId[];
  /** Quizzes gate (absent: they do not): a passing run completes a stage only when the stage is in this set. */
  quizPassed?: ReadonlySet<string>;
}

/** What a learner's event adds to the rule: which stages it enables, and the quiz questions that gate each stage. */
export interface UnlockPolicy {
  stagesEnabled?: readonly StageId[];
  /** When set, quizzes gate: each stage's question ids, every one of which must be answered correctly. */
  quizQuestions?: Partial<Record<StageId, readonly string[]>>;
}

/** The stages whose every gating question has a correct answer (a stage without questions passes). */
export function quizPassedStages(
  quizQuestions: Partial<Record<StageId, readonly string[]>>,
  correctAnswers: readonly { stageId: string; questionId: string }[],
  stages: readonly StageId[],
): Set<string> {
  const correct = new Set(correctAnswers.map((a) => `${a.stageId}/${a.questionId}`));
  return new Set(stages.filter((s) => (quizQuestions[s] ?? []).every((q) => correct.has(`${s}/${q}`))));
}

/**
 * The unlock rule, in one place. The first stage is always open. A stage is completed when a stored run of it has
 * every required check `pass` (or an instructor marked it complete) after its latest reset; the stage after a
 * completed one unlocks; an instructor may unlock any stage. A reset clears what came before it for that stage.
 * Under an event, stages it does not enable stay locked (the first enabled one is open, the next enabled one
 * follows a completed one), and when quizzes gate, a passing run completes a stage only once its quiz is passed
 * (an instructor's "complete" still does).
 */
export function stageStatuses(facts: UnlockFacts): Record<StageId, StageStatus> {
  const lastReset = new Map<string, number>();
  for (const o of facts.overrides) {
    if (o.kind === 'reset') lastReset.set(o.stageId, Math.max(lastReset.get(o.stageId) ?? 0, o.createdAt.getTime()));
  }
  const after = (stageId: string, at: Date) => at.getTime() > (lastReset.get(stageId) ?? Number.NEGATIVE_INFINITY);
  const completed = new Set<string>();
  const unlockedByOverride = new Set<string>();
  for (const run of facts.passedRuns) {
    if (after(run.stageId, run.finishedAt) && (!facts.quizPassed || facts.quizPassed.has(run.stageId))) {
      completed.add(run.stageId);
    }
  }
  for (const o of facts.overrides) {
    if (!after(o.stageId, o.createdAt)) continue;
    if (o.kind === 'complete') completed.add(o.stageId);
    if (o.kind === 'unlock') unlockedByOverride.add(o.stageId);
  }
  const enabled = facts.enabled;
  const stages = enabled ? facts.stages.filter((id) => enabled.includes(id)) : facts.stages;
  const out = {} as Record<StageId, StageStatus>;
  for (const id of facts.stages) out[id] = 'locked';
  stages.forEach((id, i) => {
    const prev = stages[i - 1];
    const open = i === 0 || unlockedByOverride.has(id) || (prev !== undefined && completed.has(prev));
    out[id] = completed.has(id) && open ? 'completed' : open ? 'unlocked' : 'locked';
  });
  return out;
}
