import { getMDXComponent } from 'mdx-bundler/client';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LearnerLiveArchitecture } from '@/components/architecture/learner-live-architecture';
import { CheckPanel } from '@/components/checks/check-panel';
import { EditorSection } from '@/components/editor/editor-section';
import { EventBanners } from '@/components/events/event-banners';
import { GameDaySection } from '@/components/gameday/game-day-section';
import { StatusBadge } from '@/components/journey/status-badge';
import { LabJumpBar } from '@/components/lab-jump/lab-jump-bar';
import { InlineCheck } from '@/components/labs-nav/inline-check';
import { checkStatusLabels, LabStepNav, LearnerResetStage } from '@/components/labs-nav/lab-step-nav';
import { hourlyCostLabel } from '@/components/mdx/cost-note';
import { labComponents } from '@/components/mdx/lab-components';
import { Quiz } from '@/components/quiz/quiz';
import { StackCard } from '@/components/stacks/stack-card';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { explainAwsError } from '@/lib/aws/errors';
import { clientsForAccount } from '@/lib/aws/for-account';
import { toPanelRun } from '@/lib/checks/panel';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { checkSummaries, checksRunnable, panelChecks } from '@/lib/labs/check-info';
import { loadCompiledLab } from '@/lib/labs/content';
import { costIn } from '@/lib/labs/cost';
import { journeyFor } from '@/lib/labs/journey';
import { quizVerdictsFor } from '@/lib/labs/quiz-progress';
import { getLab, isStageId, labs, neighbours, publicQuiz } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { getStore } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';
import { currentStack } from '@/lib/stacks/change-sets';
import { launchTemplateName, readLabTemplate } from '@/lib/stacks/lab-template';
import { pairState, secondaryHourlyUsd } from '@/lib/stacks/pair-state';
import { isTwoRegionStage } from '@/lib/stacks/second-region';
import { deployedTemplate } from '@/lib/stacks/template-draft';
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
  const panel =
    learnerId && checksRunnable(lab) ? await checkPanelState(learnerId, stage, t('checks.sandbox'), locale) : null;
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
    // Room at the bottom below 1024 px for the fixed steps button and stack-and-checks bar.
    <div className="pb-16 lg:pb-0">
      <EventBanners locale={locale} />
      <header className="border-b border-slate-200 pb-6 dark:border-slate-800">
        <p className="flex items-center gap-3 text-sm font-medium text-slate-600 dark:text-slate-400">
          <span>{t('stage.label', { n: stageNumber })}</span>
          <StatusBadge status={status} t={t} />
        </p>
        <h1 className="mt-2 text-3xl font-bold tracking-tight sm:text-4xl">{lab.title[locale]}</h1>
        <p className="mt-2 text-lg text-brand-700 dark:text-brand-100">
          {t('stage.milestone', { label: lab.milestone.label[locale] })}
        </p>
        <dl className="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700 dark:text-slate-300">
          <div>
            <dt className="inline font-medium">{t('stage.time')}: </dt>
            <dd className="inline">{t('journey.minutes', { n: lab.minutes })}</dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('stage.cost')}: </dt>
            <dd className="inline">
              {hourlyCostLabel(lab, t)} · {t('journey.costFree')}
            </dd>
          </div>
          <div>
            <dt className="inline font-medium">{t('stage.services')}: </dt>
            <dd className="inline">{lab.services.join(', ')}</dd>
          </div>
        </dl>
      </header>
      {panel && (
        <EditorSection
          title={t('editor.title')}
          lead={t('editor.lead')}
          locale={locale}
          stageId={stage}
          storageKey={`scalelab:draft:${panel.stackName}:${stage}`}
          initial={panel.template.initial}
          initialSource={panel.template.source}
          start={panel.template.start}
        />
      )}
      {panel && learnerId && <LearnerLiveArchitecture learnerId={learnerId} stageId={stage} locale={locale} />}
      {panel && <GameDaySection lab={lab} locale={locale} real={!panel.sandbox} />}
      <div className="mt-8 grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <article className="prose-lab min-w-0" lang={locale}>
          {/* The code blocks' colours, as classes (lib/labs/compile.ts); older compiled content has none. */}
          {compiled.css ? <style>{compiled.css}</style> : null}
          <Content
            components={labComponents({
              lab,
              locale,
              t,
              quiz,
              // The learner's latest result for the check, kept live by the check panel's runs.
              renderCheck: (id) => (
                <InlineCheck
                  stageId={stage}
                  id={id}
                  title={checks.find((x) => x.id === id)?.title?.[locale] ?? null}
                  initial={panel?.latest?.results.find((r) => r.id === id)?.status ?? null}
                  statusLabels={checkStatusLabels(t)}
                />
              ),
            })}
          />
          <StageNav locale={locale} t={t} prev={prev} next={next} nextStatus={next ? statusOf(next.id) : undefined} />
        </article>
        <aside
          aria-labelledby="checks-title"
          className="lg:sticky lg:top-20 lg:max-h-[calc(100vh-6rem)] lg:self-start lg:overflow-y-auto"
        >
          <LabStepNav
            stageId={stage}
            stepIds={compiled.stepIds}
            stepTitles={compiled.stepTitles ?? {}}
            checks={checks}
            latest={panel?.latest ?? null}
            t={t}
          />
          {panel && (
            <div className="mb-6">
              <StackCard
                stageId={stage}
                stackName={panel.stackName}
                locale={locale}
                templateFile={launchTemplateName(stage)}
                initial={panel.stack}
                cost={{
                  hourlyUsd: costIn(lab.cost, panel.region).hourlyUsd,
                  sandbox: panel.sandbox,
                  ...(panel.pair ? { secondaryHourlyUsd: secondaryHourlyUsd(panel.region) } : {}),
                }}
                {...(panel.pair ? { pair: panel.pair } : {})}
              />
            </div>
          )}
          {panel ? (
            <CheckPanel
              stageId={stage}
              locale={locale}
              checks={panelChecks(lab, compiled.stepTitles ?? {})}
              latest={panel.latest}
              account={panel.account}
              next={next ? { number: String(next.order).padStart(2, '0'), href: `/${locale}/labs/${next.id}` } : null}
            />
          ) : (
            <StageChecks checks={checks} locale={locale} t={t} />
          )}
          {panel && <LearnerResetStage stageId={stage} stageNumber={stageNumber} t={t} />}
        </aside>
      </div>
      <LabJumpBar t={t} stack={Boolean(panel)} />
    </div>
  );
}

/** The learner's latest run of this stage, their lab stack as it is now, and which account the checks read. */
async function checkPanelState(learnerId: string, stage: StageId, sandboxLabel: string, locale: Locale) {
  const store = await getStore();
  const [latest, account] = await Promise.all([
    store.latestCheckRun(learnerId, stage),
    learnerAccount(store, learnerId),
  ]);
  const stackName = labStackName(learnerId);
  const name =
    account.kind === 'sandbox'
      ? `${sandboxLabel} ${account.accountId}`
      : `${account.accountId ?? account.kind} (${account.regions[0]})`;
  const start = await readLabTemplate(stage);
  let template: { initial: string; source: 'deployed' | 'start'; start: string } = {
    initial: start,
    source: 'start',
    start,
  };
  let stack: {
    status: string | null;
    outputs: { key: string; value: string; description: string | null }[];
    createdAt: string | null;
    stage: string | null;
    operationStartedAt?: string | null;
  } = { status: null, outputs: [], createdAt: null, stage: null };
  try {
    const clients = clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1' });
    const current = await currentStack(clients, stackName);
    const deployed = current ? await deployedTemplate(clients, stackName) : undefined;
    if (deployed) template = { initial: deployed, source: 'deployed', start };
    stack = {
      status: current?.StackStatus ?? null,
      createdAt: current?.CreationTime?.toISOString() ?? null,
      // Which stage's template the stack was last deployed from (the tag every launch sets).
      stage: current?.Tags?.find((tag) => tag.Key === 'scalelab:stage')?.Value ?? null,
      // When the operation now running (or last run) began: a reload follows this one's events, not older ones.
      operationStartedAt:
        (current?.DeletionTime ?? current?.LastUpdatedTime ?? current?.CreationTime)?.toISOString() ?? null,
      outputs: (current?.Outputs ?? []).map((o) => ({
        key: o.OutputKey ?? '',
        value: o.OutputValue ?? '',
        description: o.Description ?? null,
      })),
    };
  } catch (err) {
    // The page still renders; the card shows the reason instead of a status.
    stack = { status: `UNKNOWN (${explainAwsError(err).reason[locale]})`, outputs: [], createdAt: null, stage: null };
  }
  return {
    pair: isTwoRegionStage(stage) ? await pairState(account, stackName) : undefined,
    latest: latest ? toPanelRun(latest) : null,
    account: `${name} · ${stackName}`,
    stackName,
    stack,
    template,
    sandbox: account.kind === 'sandbox',
    region: account.regions[0] ?? 'us-east-1',
  };
}
