'use server';

import { requestLocale } from '@/lib/i18n/request-locale';
import { currentInstructor } from '@/lib/instructors/session';
import { getStore, RunLimitError } from '@/lib/progress';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { fastForwardLearner } from '@/lib/roster/fast-forward';
import { actOnLearner, type LearnerActionResult } from '@/lib/roster/learner-actions';
import { rerunForLearner } from '@/lib/roster/rerun';
import { StackError } from '@/lib/stacks/errors';

/** Unlock / reset / re-run / fast-forward for one learner of one of the signed-in instructor's events (validated in lib/roster). */
export async function rosterAction(raw: unknown): Promise<LearnerActionResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  const store = await getStore();
  try {
    return await actOnLearner(
      {
        store,
        instructors: await getInstructorStore(),
        rerun: (learnerId, stageId) => rerunForLearner(store, learnerId, stageId),
        fastForward: (learnerId, stageId) => fastForwardLearner(store, learnerId, stageId),
      },
      instructor,
      raw,
    );
  } catch (err) {
    if (err instanceof RunLimitError) return { ok: false, error: 'busy', message: err.message };
    if (err instanceof StackError) return { ok: false, error: 'failed', message: err.in(await requestLocale()) };
    console.error('instructor action failed:', (err as Error).message);
    return { ok: false, error: 'failed' };
  }
}
