import { z } from 'zod';
import { eventForInstructor } from '@/lib/events/events';
import { policyOfEvent, unlockPolicy } from '@/lib/events/policy-rules';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import type { EventRow, InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import { resetStage } from './reset-stage';

export const learnerActionInput = z.object({
  eventId: z.uuid(),
  learnerId: z.uuid(),
  stageId: z.enum(stageIds),
  action: z.enum(['unlock', 'reset', 'rerun', 'fast-forward']),
});

export type LearnerAction = z.infer<typeof learnerActionInput>;

/**
 * `runId`: the check run a re-run started; `operationId`: the stack operation a fast-forward started. The roster
 * shows the action as pending until that run or operation has finished (it is live over SSE).
 */
export type LearnerActionResult =
  | { ok: true; runId?: string; operationId?: string; unlocked?: StageId[] }
  | { ok: false; error: 'invalid' | 'not-found' | 'busy' | 'not-allowed' | 'failed'; message?: string };

export interface LearnerActionDeps {
  store: Store;
  instructors: InstructorStore;
  /** Starts a check run for the learner (locked stages allowed); returns its id. */
  rerun: (learnerId: string, stageId: LearnerAction['stageId']) => Promise<string>;
  /** Deploys the stage's solution into the learner's account (lib/roster/fast-forward.ts); returns the operation id. */
  fastForward: (learnerId: string, stageId: LearnerAction['stageId']) => Promise<string | undefined>;
}

/**
 * Unlock a stage and every enabled stage before it that is still locked (a learner on stage 03 can go back to 01 and
 * 02), as instructor overrides. Returns the stages unlocked.
 */
export async function unlockThrough(
  store: Store,
  event: EventRow,
  learnerId: string,
  stageId: StageId,
  by: string,
): Promise<StageId[]> {
  const policy = policyOfEvent(event);
  const statuses = await store.stageStatuses(learnerId, unlockPolicy(policy));
  const enabled = policy?.stagesEnabled ?? [...stageIds];
  const upTo = enabled.indexOf(stageId);
  const before = upTo < 0 ? [] : enabled.slice(0, upTo).filter((s) => statuses[s] === 'locked');
  const stages = [...before, stageId];
  for (const s of stages) {
    await store.recordOverride({
      learnerId,
      stageId: s,
      kind: 'unlock',
      by,
      reason: s === stageId ? `instructor action in event ${event.code}` : `unlocked with stage ${stageId}`,
    });
  }
  return stages;
}

/**
 * An instructor acts on one learner of one of their events: unlock a stage (and the locked ones before it), reset it
 * (lib/roster/reset-stage.ts says what that clears), re-run its checks now, or fast-forward (deploy the stage's
 * solution; only in an event that allows it, for a stage it enables). A learner outside the instructor's events is
 * `not-found`, as if they did not exist.
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
    const operationId = await deps.fastForward(learnerId, stageId);
    return operationId ? { ok: true, operationId } : { ok: true };
  }
  if (action === 'unlock') {
    return { ok: true, unlocked: await unlockThrough(deps.store, event, learnerId, stageId, instructor.email) };
  }
  await resetStage(deps.store, {
    learnerId,
    stageId,
    by: instructor.email,
    reason: `instructor action in event ${event.code}`,
  });
  return { ok: true };
}
