import { z } from 'zod';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';

/**
 * What a reset does, in one place for the instructor's and the learner's own reset: the stage's earlier check runs
 * (and earlier unlocks and completions of it) stop counting, so it is no longer completed, the stages its completion
 * opened lock again until it passes again, and the learner's check panel shows no result for it. The lab stack and
 * the quiz answers are not touched (the stack card deletes a stack).
 */
export async function resetStage(
  store: Store,
  reset: { learnerId: string; stageId: StageId; by: string; reason: string },
): Promise<void> {
  await store.recordOverride({ ...reset, kind: 'reset' });
}

export const ownResetInput = z.object({ stageId: z.enum(stageIds) });

export type OwnResetResult = { ok: true } | { ok: false; error: 'invalid' | 'no-learner' };

/** A learner resets one of their own stages (the learner id comes from their signed cookie, never from the form). */
export async function resetOwnStage(store: Store, learnerId: string | null, raw: unknown): Promise<OwnResetResult> {
  const parsed = ownResetInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  if (!learnerId || !(await store.learnerExists(learnerId))) return { ok: false, error: 'no-learner' };
  await resetStage(store, {
    learnerId,
    stageId: parsed.data.stageId,
    by: 'learner',
    reason: 'the learner reset the stage',
  });
  return { ok: true };
}
