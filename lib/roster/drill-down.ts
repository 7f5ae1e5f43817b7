import { z } from 'zod';
import { getCheck } from '@/checkers';
import { type PanelRun, toPanelRun } from '@/lib/checks/panel';
import { eventForInstructor } from '@/lib/events/events';
import type { Localized } from '@/lib/i18n/locales';
import { stageIds } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';

export const drillDownInput = z.object({ eventId: z.uuid(), learnerId: z.uuid(), stageId: z.enum(stageIds) });

/** A learner's latest run of a stage as the instructor reads it: every result with its evidence, titled. */
export interface LearnerRunDetails {
  stageId: string;
  run: (PanelRun & { startedAt: string; checks: Record<string, { title: Localized | null; severity: string }> }) | null;
}

export type DrillDownResult = { ok: true; details: LearnerRunDetails } | { ok: false; error: 'invalid' | 'not-found' };

/**
 * The latest run of one stage (since its latest reset) of one learner of one of the instructor's events, with the
 * evidence the checks stored (resource ids and the property values seen): the same view the learner has, never the
 * account's raw API data.
 */
export async function learnerRunDetails(
  deps: { store: Store; instructors: InstructorStore },
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<DrillDownResult> {
  const parsed = drillDownInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { eventId, learnerId, stageId } = parsed.data;
  const event = await eventForInstructor(deps.instructors, instructor, eventId);
  if (!event || !(await deps.instructors.isEnrolled(event.id, learnerId))) return { ok: false, error: 'not-found' };
  const row = await deps.store.latestCheckRun(learnerId, stageId);
  if (!row) return { ok: true, details: { stageId, run: null } };
  const run = toPanelRun(row);
  const checks = Object.fromEntries(
    run.results.map((r) => {
      const def = getCheck(r.id);
      return [r.id, { title: def?.title ?? null, severity: def?.severity ?? 'required' }];
    }),
  );
  return { ok: true, details: { stageId, run: { ...run, startedAt: row.startedAt.toISOString(), checks } } };
}
