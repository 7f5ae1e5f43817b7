'use server';

import { currentInstructor } from '@/lib/instructors/session';
import { getStore } from '@/lib/progress';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { type DrillDownResult, learnerRunDetails } from '@/lib/roster/drill-down';
import { bulkUnlock, mergeLearners, type RosterAdminResult, removeLearner } from '@/lib/roster/roster-admin';

// Each action validates its input with zod in lib/roster and only reaches the signed-in instructor's own events.

async function deps() {
  return { store: await getStore(), instructors: await getInstructorStore() };
}

/** A learner's latest run of a stage with its evidence (the roster's details row). */
export async function learnerRunAction(raw: unknown): Promise<DrillDownResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  return learnerRunDetails(await deps(), instructor, raw);
}

/** Unlock a stage (and the locked ones before it) for the learners ticked in the roster. */
export async function bulkUnlockAction(raw: unknown): Promise<RosterAdminResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  return bulkUnlock(await deps(), instructor, raw);
}

/** Take a learner off the event. */
export async function removeLearnerAction(raw: unknown): Promise<RosterAdminResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  return removeLearner(await deps(), instructor, raw);
}

/** Merge a duplicate learner into another. */
export async function mergeLearnersAction(raw: unknown): Promise<RosterAdminResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  return mergeLearners(await deps(), instructor, raw);
}
