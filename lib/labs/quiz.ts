import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { getLab } from './registry';
import { stageIds } from './types';

export const quizAnswerInput = z.object({
  locale: z.enum(locales),
  stageId: z.enum(stageIds),
  questionId: z.string().min(1).max(64),
  choiceIds: z.array(z.string().min(1).max(64)).min(1).max(12),
});
export type QuizAnswerInput = z.infer<typeof quizAnswerInput>;

export interface QuizVerdict {
  questionId: string;
  correct: boolean;
  answer: string[];
  explanation: string;
}

export class QuizInputError extends Error {
  override name = 'QuizInputError';
}

/** Grade one answer on the server. Unknown question or choice ids are input errors, not wrong answers. */
export function gradeQuizAnswer(input: QuizAnswerInput): QuizVerdict {
  const question = getLab(input.stageId).quiz.find((q) => q.id === input.questionId);
  if (!question) throw new QuizInputError(`Stage ${input.stageId} has no quiz question "${input.questionId}".`);
  const known = new Set(question.choices.map((c) => c.id));
  const unknown = input.choiceIds.filter((id) => !known.has(id));
  if (unknown.length) throw new QuizInputError(`Question "${input.questionId}" has no choice ${unknown.join(', ')}.`);
  const chosen = new Set(input.choiceIds);
  const correct = chosen.size === question.answer.length && question.answer.every((id) => chosen.has(id));
  return {
    questionId: question.id,
    correct,
    answer: question.answer,
    explanation: question.explanation[input.locale],
  };
}
