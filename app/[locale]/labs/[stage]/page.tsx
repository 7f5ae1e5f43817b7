import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StatusBadge } from '@/components/journey/status-badge';
import { labComponents } from '@/components/mdx/lab-components';
import { Quiz } from '@/components/quiz/quiz';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { checkSummaries } from '@/lib/labs/check-info';
import { loadCompiledLab } from '@/lib/labs/content';
import { journeyFor } from '@/lib/labs/journey';
import { quizVerdictsFor } from '@/lib/labs/quiz-progress';
import { formatUsers, getLab, isStageId, labs, neighbours, publicQuiz } from '@/lib/labs/registry';
import { currentLearnerId } from '@/lib/session/current-learner';
import { LockedStage } from './_components/locked-stage';
import { StageChecks } from './_components/stage-checks';
import { StageNav } from './_components/stage-nav';

type Params = Promise<{ locale: string; stage: string }>;

export function generateStaticParams() {
  return labs.map((lab) => ({ stage: lab.id }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, stage } = await params;
  if (!isLocale(locale) || !isStageId(stage)) return {};
  return { title: getLab(stage).title[locale] };
}

export default async function StagePage({ params }: { params: Params }) {
  const { locale, stage } = await params;
  if (!isLocale(locale) || !isStageId(stage)) notFound();
  const t = translator(locale);
  const lab = getLab(stage);
  const learnerId = await currentLearnerId();
  const journey = await journeyFor(learnerId);
  const statusOf = (id: string) => journey.find((s) => s.lab.id === id)?.status ?? 'locked';
  const status = statusOf(stage);
  const { prev, next } = neighbours(stage);
  const stageNumber = String(lab.order).padStart(2, '0');

  if (status === 'locked') {
    return <LockedStage lab={lab} prev={prev} locale={locale} t={t} />;
  }

  const [compiled, verdicts] = await Promise.all([
    loadCompiledLab(stage, locale),
    quizVerdictsFor(learnerId, stage, locale),
  ]);
  const Content = getMDXComponent(compiled.code);
  const checks = checkSummaries(lab);
  const quiz = (
    <Quiz
      stageId={stage}
      locale={locale}
      questions={publicQuiz(lab)}
      initialVerdicts={verdicts}
      labels={{
        title: t('quiz.title'),
        submit: t('quiz.submit'),
        correct: t('quiz.correct'),
        incorrect: t('quiz.incorrect'),
        chooseOne: t('quiz.chooseOne'),
        chooseMany: t('quiz.chooseMany'),
        error: t('quiz.error'),
      }}
    />
  );

  return (
    <div>
      <header className="border-b border-slate-200 pb-6 dark:border-slate-800">
        <p className="flex items-center gap-3 text-sm font-medium text-slate-600 dark:text-slate-400">
          <span>{t('stage.label', { n: stageNumber })}</span>
          <StatusBadge status={status} t={t} />
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{lab.title[locale]}</h1>
        <p className="mt-2 text-lg text-brand-700 dark:text-brand-100">
          {t('stage.milestone', { users: formatUsers(lab.milestone.users, locale) })} · {lab.milestone.label[locale]}
        </p>
        <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
          <div>
            <dt className="inline font-medium">{t('stage.time')}: </dt>
            <dd className="inline">{t('journey.minutes', { n: lab.minutes })}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('stage.cost')}: </dt>
            <dd className="inline">
              {t('journey.costPerHour', { n: lab.cost.hourlyUsd.toFixed(2) })} · {t('journey.costFree')}
            </dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('stage.services')}: </dt>
            <dd className="inline">{lab.services.join(', ')}</dd>
          </div>
        </dl>
      </header>
      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <article className="prose-lab min-w-0" lang={locale}>
          <Content
            components={labComponents({
              lab,
              locale,
              t,
              quiz,
              renderCheck: (id) => {
                const c = checks.find((x) => x.id === id);
                return (
                  <span className="inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600">
                    <span aria-hidden="true">☐</span> <code>{id}</code>
                    {c?.title ? ` — ${c.title[locale]}` : ''}
                  </span>
                );
              },
            })}
          />
          <StageNav locale={locale} t={t} prev={prev} next={next} nextStatus={next ? statusOf(next.id) : undefined} />
        </article>
        <aside aria-labelledby="checks-title" className="lg:sticky lg:top-20 lg:self-start">
          <StageChecks checks={checks} locale={locale} t={t} />
        </aside>
      </div>
    </div>
  );
}
