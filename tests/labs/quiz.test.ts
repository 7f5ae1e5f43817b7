import { describe, expect, it } from 'vitest';
import { gradeQuizAnswer, QuizInputError, quizAnswerInput } from '@/lib/labs/quiz';
import { labs } from '@/lib/labs/registry';

const withQuiz = labs.find((l) => l.quiz.length > 0)!;
const question = withQuiz.quiz[0]!;
const wrong = question.choices.find((c) => !question.answer.includes(c.id))!;

describe('quiz grading on the server', () => {
  it('accepts exactly the right choices', () => {
    const v = gradeQuizAnswer({
      locale: 'en',
      stageId: withQuiz.id,
      questionId: question.id,
      choiceIds: question.answer,
    });
    expect(v.correct).toBe(true);
    expect(v.explanation).toBe(question.explanation.en);
  });

  it('rejects a wrong choice and explains in the learner’s language', () => {
    const v = gradeQuizAnswer({ locale: 'ko', stageId: withQuiz.id, questionId: question.id, choiceIds: [wrong.id] });
    expect(v.correct).toBe(false);
    expect(v.explanation).toBe(question.explanation.ko);
  });

  it('rejects right choices padded with a wrong one', () => {
    const v = gradeQuizAnswer({
      locale: 'en',
      stageId: withQuiz.id,
      questionId: question.id,
      choiceIds: [...question.answer, wrong.id],
    });
    expect(v.correct).toBe(false);
  });

  it('treats unknown questions and choices as input errors, not wrong answers', () => {
    expect(() => gradeQuizAnswer({ locale: 'en', stageId: withQuiz.id, questionId: 'nope', choiceIds: ['a'] })).toThrow(
      QuizInputError,
    );
    expect(() =>
      gradeQuizAnswer({ locale: 'en', stageId: withQuiz.id, questionId: question.id, choiceIds: ['no-such-choice'] }),
    ).toThrow(/no choice no-such-choice/);
  });

  it('validates input at the boundary', () => {
    expect(
      quizAnswerInput.safeParse({ locale: 'fr', stageId: withQuiz.id, questionId: 'q', choiceIds: ['a'] }).success,
    ).toBe(false);
    expect(
      quizAnswerInput.safeParse({ locale: 'en', stageId: '99-nope', questionId: 'q', choiceIds: ['a'] }).success,
    ).toBe(false);
    expect(
      quizAnswerInput.safeParse({ locale: 'en', stageId: withQuiz.id, questionId: 'q', choiceIds: [] }).success,
    ).toBe(false);
  });
});
