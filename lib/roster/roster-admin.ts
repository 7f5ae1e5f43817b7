import { z } from 'zod';
import { eventForInstructor } from '@/lib/events/events';
import { policyOfEvent, unlockPolicy } from '@/lib/events/policy-rules';
import { stageIds } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import { unlockThrough } from './learner-actions';

export interface RosterAdminDeps {
  store: Store;
  instructors: InstructorStore;
}

export type RosterAdminResult =
  | { ok: true; learners: number; stages?: string[] }
  | { ok: false; error: 'invalid' | 'not-found' };

export const bulkUnlockInput = z.object({
  eventId: z.uuid(),
  learnerIds: z.array(z.uuid()).min(1).max(500),
  stageId: z.enum(stageIds),
});

/** Unlock a stage (and the locked ones before it) for several learners of one of the instructor's events at once. */
export async function bulkUnlock(
  deps: RosterAdminDeps,
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<RosterAdminResult> {
  const parsed = bulkUnlockInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { eventId, learnerIds, stageId } = parsed.data;
  const event = await eventForInstructor(deps.instructors, instructor, eventId);
  if (!event) return { ok: false, error: 'not-found' };
  const enrolled = new Set((await deps.instructors.enrollments(event.id)).map((e) => e.learnerId));
  const targets = [...new Set(learnerIds)].filter((id) => enrolled.has(id));
  for (const learnerId of targets) await unlockThrough(deps.store, event, learnerId, stageId, instructor.email);
  return { ok: true, learners: targets.length };
}

export const removeLearnerInput = z.object({ eventId: z.uuid(), learnerId: z.uuid() });

/**
 * Take a learner off the event (a duplicate, someone in the wrong room): they leave the roster and the exports, and
 * the event no longer applies to them. Their own progress, account and lab stack stay theirs.
 */
export async function removeLearner(
  deps: RosterAdminDeps,
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<RosterAdminResult> {
  const parsed = removeLearnerInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const event = await eventForInstructor(deps.instructors, instructor, parsed.data.eventId);
  if (!event) return { ok: false, error: 'not-found' };
  const removed = await deps.instructors.unenroll(event.id, parsed.data.learnerId);
  return removed ? { ok: true, learners: 1 } : { ok: false, error: 'not-found' };
}

export const mergeLearnersInput = z
  .object({ eventId: z.uuid(), keepId: z.uuid(), dropId: z.uuid() })
  .refine((m) => m.keepId !== m.dropId, { path: ['dropId'] });

/**
 * Merge a duplicate into the learner to keep (one person who joined twice, from two browsers): every stage the
 * duplicate completed and the kept learner has not is marked complete for the kept learner (an instructor override
 * naming the duplicate, so it shows in the audit trail), then the duplicate leaves the event. Check runs and the lab
 * stack stay in the duplicate's account: they are the duplicate's, and the kept learner's checks read their own.
 */
export async function mergeLearners(
  deps: RosterAdminDeps,
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<RosterAdminResult> {
  const parsed = mergeLearnersInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { eventId, keepId, dropId } = parsed.data;
  const event = await eventForInstructor(deps.instructors, instructor, eventId);
  if (!event) return { ok: false, error: 'not-found' };
  const enrollments = await deps.instructors.enrollments(event.id);
  const keep = enrollments.find((e) => e.learnerId === keepId);
  const drop = enrollments.find((e) => e.learnerId === dropId);
  if (!keep || !drop) return { ok: false, error: 'not-found' };
  const policy = unlockPolicy(policyOfEvent(event));
  const [kept, dropped] = await Promise.all([
    deps.store.stageStatuses(keepId, policy),
    deps.store.stageStatuses(dropId, policy),
  ]);
  const stages = stageIds.filter((s) => dropped[s] === 'completed' && kept[s] !== 'completed');
  for (const stageId of stages) {
    await deps.store.recordOverride({
      learnerId: keepId,
      stageId,
      kind: 'complete',
      by: instructor.email,
      reason: `merged from ${drop.displayName} (${dropId}) in event ${event.code}`,
    });
  }
  await deps.instructors.unenroll(event.id, dropId);
  return { ok: true, learners: 1, stages };
}
