'use server';

import { gradeQuizAnswer, QuizInputError, type QuizVerdict, quizAnswerInput } from '@/lib/labs/quiz';
import { getStore } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';

export type QuizActionResult = { ok: true; verdict: QuizVerdict } | { ok: false; error: string };

/** Check a quiz answer on the server and keep it with the learner's progress. */
export async function answerQuizQuestion(raw: unknown): Promise<QuizActionResult> {
  const parsed = quizAnswerInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid answer.' };
  const learnerId = await currentLearnerId();
  if (!learnerId) return { ok: false, error: 'No learner session. Reload the page.' };
  try {
    const verdict = gradeQuizAnswer(parsed.data);
    const store = await getStore();
    await store.recordQuizAnswer({
      learnerId,
      stageId: parsed.data.stageId,
      questionId: verdict.questionId,
      choiceIds: parsed.data.choiceIds,
      correct: verdict.correct,
    });
    return { ok: true, verdict };
  } catch (err) {
    if (err instanceof QuizInputError) return { ok: false, error: err.message };
    throw err;
  }
}
