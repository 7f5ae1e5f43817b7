import type { Locale } from '@/lib/i18n/locales';
import { getStore } from '@/lib/progress';
import { gradeQuizAnswer, type QuizVerdict } from './quiz';
import type { StageId } from './types';

/** The learner's latest answer to each question of a stage, re-graded so the page can show explanations again. */
export async function quizVerdictsFor(
  learnerId: string | null,
  stageId: StageId,
  locale: Locale,
): Promise<Record<string, QuizVerdict>> {
  if (!learnerId) return {};
  const answers = await (await getStore()).quizAnswers(learnerId, stageId);
  const out: Record<string, QuizVerdict> = {};
  for (const a of answers) {
    try {
      out[a.questionId] = gradeQuizAnswer({ locale, stageId, questionId: a.questionId, choiceIds: a.choiceIds });
    } catch {
      // The question changed since it was answered: show it unanswered.
    }
  }
  return out;
}
