import type { StageStatus } from '@/lib/labs/journey';

/**
 * The journey is finished when its last stage (06, go global) is completed: a stored run of it had every required
 * check pass (after the quiz, when the learner's event gates on quizzes), or an instructor marked it complete. The
 * unlock rule (lib/progress/unlock.ts) decides "completed"; this only reads it.
 */
export function journeyFinished(stages: readonly { status: StageStatus }[]): boolean {
  return stages.length > 0 && stages[stages.length - 1]?.status === 'completed';
}
