import 'server-only';
import { isStageId } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export interface LastWorked {
  stageId: StageId;
  /** Epoch ms of the learner's latest check run or stack operation on that stage. */
  at: number;
}

/**
 * The stage the learner last worked on, from the store: their latest check run or lab-stack operation, whichever is
 * newer (the step they last read is kept in their browser: components/labs-nav/last-step.ts). Null before any.
 */
export async function lastWorkedStage(learnerId: string | null): Promise<LastWorked | null> {
  if (!learnerId) return null;
  const facts = await (await getInstructorStore()).rosterFacts([learnerId]);
  const candidates = [
    ...facts.latestRuns.map((r) => ({ stageId: r.stageId, at: (r.finishedAt ?? r.startedAt).getTime() })),
    ...facts.latestStacks.flatMap((s) =>
      s.stageId ? [{ stageId: s.stageId, at: (s.finishedAt ?? s.startedAt).getTime() }] : [],
    ),
  ];
  const latest = candidates.reduce<(typeof candidates)[number] | undefined>(
    (a, c) => (!a || c.at > a.at ? c : a),
    undefined,
  );
  return latest && isStageId(latest.stageId) ? { stageId: latest.stageId, at: latest.at } : null;
}
