import { z } from 'zod';
import { eventForInstructor } from '@/lib/events/events';
import { policyOfEvent } from '@/lib/events/policy-rules';
import { stageIds } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';

export const learnerActionInput = z.object({
  eventId: z.uuid(),
  learnerId: z.uuid(),
  stageId: z.enum(stageIds),
  action: z.enum(['unlock', 'reset', 'rerun', 'fast-forward']),
});

export type LearnerAction = z.infer<typeof learnerActionInput>;

export type LearnerActionResult =
  | { ok: true; runId?: string }
  | { ok: false; error: 'invalid' | 'not-found' | 'busy' | 'not-allowed' | 'failed'; message?: string };

export interface LearnerActionDeps {
  store: Store;
  instructors: InstructorStore;
  /** Starts a check run for the learner (locked stages allowed); returns its id. */
  rerun: (learnerId: string, stageId: LearnerAction['stageId']) => Promise<string>;
  /** Deploys the stage's solution into the learner's account (lib/roster/fast-forward.ts). */
  fastForward: (learnerId: string, stageId: LearnerAction['stageId']) => Promise<void>;
}

/**
 * An instructor acts on one learner of one of their events: unlock a stage, reset it (earlier runs stop counting),
 * re-run its checks now, or fast-forward (deploy the stage's solution; only in an event that allows it, for a stage
 * it enables). A learner outside the instructor's events is `not-found`, as if they did not exist.
 */
export async function actOnLearner(
  deps: LearnerActionDeps,
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<LearnerActionResult> {
  const parsed = learnerActionInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { eventId, learnerId, stageId, action } = parsed.data;
  const event = await eventForInstructor(deps.instructors, instructor, eventId);
  if (!event || !(await deps.instructors.isEnrolled(event.id, learnerId))) return { ok: false, error: 'not-found' };
  if (action === 'rerun') return { ok: true, runId: await deps.rerun(learnerId, stageId) };
  if (action === 'fast-forward') {
    const policy = policyOfEvent(event);
    if (!policy?.fastForward || !policy.stagesEnabled.includes(stageId)) return { ok: false, error: 'not-allowed' };
    await deps.fastForward(learnerId, stageId);
    return { ok: true };
  }
  await deps.store.recordOverride({
    learnerId,
    stageId,
    kind: action,
    by: instructor.email,
    reason: `instructor action in event ${event.code}`,
  });
  return { ok: true };
}
