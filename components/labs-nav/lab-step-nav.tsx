import type { PanelRun } from '@/lib/checks/panel';
import type { Translate } from '@/lib/i18n/messages';
import { type CheckStatus, checksByStep } from '@/lib/journey/step-states';
import { ResetStage } from './reset-stage';
import { StepToc } from './step-toc';

/** The check statuses in the page's language, for the client leaves. */
export function checkStatusLabels(t: Translate): Record<CheckStatus, string> {
  return {
    pass: t('checks.status.pass'),
    fail: t('checks.status.fail'),
    error: t('checks.status.error'),
    skipped: t('checks.status.skipped'),
  };
}

/** The lab page's table of contents: its steps in order, the checks linked to each, the latest run's results. */
export function LabStepNav({
  stageId,
  stepIds,
  stepTitles,
  checks,
  latest,
  t,
}: {
  stageId: string;
  stepIds: string[];
  stepTitles: Record<string, string>;
  checks: { id: string; step?: string | null }[];
  latest: PanelRun | null;
  t: Translate;
}) {
  if (stepIds.length === 0) return null;
  return (
    <div className="mb-6">
      <StepToc
        stageId={stageId}
        steps={stepIds.map((id) => ({ id, title: stepTitles[id] ?? id }))}
        checks={checksByStep(checks)}
        initial={Object.fromEntries((latest?.results ?? []).map((r) => [r.id, r.status]))}
        labels={{
          title: t('toc.title'),
          progress: t('toc.progress'),
          open: t('toc.open'),
          close: t('toc.close'),
          current: t('toc.current'),
          states: {
            done: t('toc.state.done'),
            failing: t('toc.state.failing'),
            todo: t('toc.state.todo'),
            none: t('toc.state.none'),
          },
        }}
      />
    </div>
  );
}

/** The learner's own "reset this stage", with its confirmation in the page's language. */
export function LearnerResetStage({ stageId, stageNumber, t }: { stageId: string; stageNumber: string; t: Translate }) {
  return (
    <ResetStage
      stageId={stageId}
      labels={{
        button: t('reset.button'),
        confirm: t('reset.confirm', { n: stageNumber }),
        done: t('reset.done', { n: stageNumber }),
        failed: t('reset.failed'),
      }}
    />
  );
}
