import type { Locale } from '@/lib/i18n/locales';
import type { StageId } from '@/lib/labs/types';
import { getStore } from '@/lib/progress';
import { LiveArchitecture } from './live-architecture';

/** The learner's own lab page: the live diagram of their latest run of the stage, redrawn after each run. */
export async function LearnerLiveArchitecture({
  learnerId,
  stageId,
  locale,
}: {
  learnerId: string;
  stageId: StageId;
  locale: Locale;
}) {
  const run = await (await getStore()).latestCheckRun(learnerId, stageId);
  return <LiveArchitecture stageId={stageId} locale={locale} run={run ?? null} follow />;
}
