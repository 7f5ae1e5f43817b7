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

describe('quiz answers', () => {
  /** Position (0-based) of each question's first correct choice. */
  const positions = (quiz: (typeof labs)[number]['quiz']) =>
    quiz.map((q) => q.choices.findIndex((c) => c.id === q.answer[0]));

  it.each(labs.filter((l) => l.quiz.length > 1).map((l) => [l.id, l] as const))(
    '%s does not put every answer at the same position',
    (_, lab) => {
      const at = positions(lab.quiz);
      expect(at.every((p) => p >= 0)).toBe(true);
      expect(new Set(at).size, `${lab.id}: answers at positions ${at.join(', ')}`).toBeGreaterThan(1);
    },
  );

  it('would notice a quiz whose answers are all "a"', () => {
    const quiz = labs
      .find((l) => l.quiz.length > 1)!
      .quiz.map((q) => ({ ...q, choices: q.choices, answer: [q.choices[0]!.id] }));
    expect(new Set(positions(quiz)).size).toBe(1);
  });
});
