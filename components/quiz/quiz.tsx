'use client';

import { useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { QuizVerdict } from '@/lib/labs/quiz';
import type { PublicQuizQuestion } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { answerQuizQuestion } from './actions';

export interface QuizLabels {
  title: string;
  submit: string;
  correct: string;
  incorrect: string;
  chooseOne: string;
  chooseMany: string;
  error: string;
}

export function Quiz({
  stageId,
  locale,
  questions,
  labels,
  initialVerdicts = {},
}: {
  stageId: StageId;
  locale: Locale;
  questions: PublicQuizQuestion[];
  labels: QuizLabels;
  initialVerdicts?: Record<string, QuizVerdict>;
}) {
  return (
    // The lab's own "## Quiz" heading titles it: one heading, not two.
    <section aria-label={labels.title} className="my-8 rounded-xl border border-slate-200 p-5 dark:border-slate-700">
      <ol className="list-none space-y-6 pl-0!">
        {questions.map((q, i) => (
          <QuizQuestionForm
            key={q.id}
            index={i + 1}
            stageId={stageId}
            locale={locale}
            question={q}
            labels={labels}
            initial={initialVerdicts[q.id]}
          />
        ))}
      </ol>
    </section>
  );
}

function QuizQuestionForm({
  index,
  stageId,
  locale,
  question,
  labels,
  initial,
}: {
  index: number;
  stageId: StageId;
  locale: Locale;
  question: PublicQuizQuestion;
  labels: QuizLabels;
  initial?: QuizVerdict;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [verdict, setVerdict] = useState<QuizVerdict | undefined>(initial);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const name = `quiz-${question.id}`;

  function toggle(id: string) {
    setChosen((prev) =>
      question.multiple ? (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]) : [id],
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (chosen.length === 0) return;
    startTransition(async () => {
      const result = await answerQuizQuestion({ locale, stageId, questionId: question.id, choiceIds: chosen });
      if (result.ok) {
        setVerdict(result.verdict);
        setError(undefined);
      } else setError(labels.error);
    });
  }

  return (
    <li data-question={question.id}>
      <form onSubmit={submit}>
        <fieldset>
          <legend className="font-medium">
            {index}. {question.prompt[locale]}
          </legend>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {question.multiple ? labels.chooseMany : labels.chooseOne}
          </p>
          <div className="mt-2 space-y-1.5">
            {question.choices.map((c) => {
              const isAnswer = verdict?.answer.includes(c.id);
              return (
                <label
                  key={c.id}
                  className={`flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm ${
                    verdict && isAnswer
                      ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-900/30'
                      : 'border-slate-200 dark:border-slate-700'
                  }`}
                >
                  <input
                    type={question.multiple ? 'checkbox' : 'radio'}
                    name={name}
                    value={c.id}
                    checked={chosen.includes(c.id)}
                    onChange={() => toggle(c.id)}
                    className="mt-1"
                  />
                  <span>{c.text[locale]}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={pending || chosen.length === 0}
          className="mt-3 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-50"
        >
          {labels.submit}
        </button>
        <div aria-live="polite" className="mt-2 text-sm">
          {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
          {verdict && (
            <p data-verdict={verdict.correct ? 'correct' : 'incorrect'}>
              <strong
                className={
                  verdict.correct ? 'text-emerald-700 dark:text-emerald-300' : 'text-amber-700 dark:text-amber-300'
                }
              >
                {verdict.correct ? labels.correct : labels.incorrect}
              </strong>{' '}
              {verdict.explanation}
            </p>
          )}
        </div>
      </form>
    </li>
  );
}
