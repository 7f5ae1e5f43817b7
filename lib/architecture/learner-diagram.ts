import 'server-only';
import { eventForInstructor } from '@/lib/events/events';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { CheckRunRow, Store } from '@/lib/progress';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LearnerDiagram {
  eventId: string;
  eventName: string;
  learnerName: string;
  /** The stage shown: the one asked for, else the stage of the learner's most recent run. */
  stageId: StageId;
  /** The stages the learner has a run of (since its last reset), to switch between. */
  stagesWithRuns: StageId[];
  run: CheckRunRow | null;
}

/**
 * A learner's live diagram for an instructor: only for a learner enrolled in one of the instructor's own events
 * (undefined otherwise, so the route answers 404 and an id reveals nothing). The authorisation lives here, next to
 * the read, as in lib/roster/load.ts.
 */
export async function learnerDiagram(
  deps: { store: Store; instructors: InstructorStore },
  instructor: InstructorIdentity,
  input: { eventId: string; learnerId: string; stage?: string },
): Promise<LearnerDiagram | undefined> {
  if (!UUID.test(input.learnerId)) return undefined;
  const event = await eventForInstructor(deps.instructors, instructor, input.eventId);
  if (!event || !(await deps.instructors.isEnrolled(event.id, input.learnerId))) return undefined;
  const enrollment = (await deps.instructors.enrollments(event.id)).find((e) => e.learnerId === input.learnerId);
  const runs = await Promise.all(
    stageIds.map(async (stageId) => ({ stageId, run: await deps.store.latestCheckRun(input.learnerId, stageId) })),
  );
  const withRuns = runs.filter((r) => r.run);
  const latest = [...withRuns].sort((a, b) => (b.run?.startedAt.getTime() ?? 0) - (a.run?.startedAt.getTime() ?? 0))[0];
  const asked = stageIds.find((s) => s === input.stage);
  const stageId = asked ?? latest?.stageId ?? stageIds[0];
  return {
    eventId: event.id,
    eventName: event.name,
    learnerName: enrollment?.displayName ?? input.learnerId,
    stageId,
    stagesWithRuns: withRuns.map((r) => r.stageId),
    run: runs.find((r) => r.stageId === stageId)?.run ?? null,
  };
}
