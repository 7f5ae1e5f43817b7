'use server';

import { getStore } from '@/lib/progress';
import { type OwnResetResult, resetOwnStage } from '@/lib/roster/reset-stage';
import { currentLearnerId } from '@/lib/session/current-learner';

/** The learner resets one of their own stages (zod-validated in lib/roster; the learner comes from their cookie). */
export async function resetOwnStageAction(raw: unknown): Promise<OwnResetResult> {
  return resetOwnStage(await getStore(), await currentLearnerId(), raw);
}
