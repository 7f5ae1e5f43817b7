import { type DiagramName, diagrams } from '@/components/diagrams';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import { ArchitectureView, type DiagramRun } from './architecture-view';
import { LiveDiagram } from './live-diagram';

/** Each stage's hand-drawn target diagram (the one its lab opens with). */
export const targetDiagram: Record<StageId, DiagramName> = {
  '00-one-user': 'one-box',
  '01-split-database': 'split-database',
  '02-high-availability': 'high-availability',
  '03-scale-out': 'scale-out',
  '04-cache-automate-secure': 'cache-automate-secure',
  '05-decouple': 'decouple',
  '06-go-global': 'go-global',
};

/**
 * The stage's target diagram beside the live diagram of what the learner's last check run found deployed. With
 * `follow`, the live side redraws itself after each check run of the stage (the learner's own lab page).
 */
export function LiveArchitecture({
  stageId,
  locale,
  run,
  follow = false,
  idPrefix = 'live',
}: {
  stageId: StageId;
  locale: Locale;
  run: DiagramRun | null;
  follow?: boolean;
  idPrefix?: string;
}) {
  const t = translator(locale);
  const Target = diagrams[targetDiagram[stageId]];
  const n = stageId.slice(0, 2);
  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="mt-8" data-live-architecture={stageId}>
      <h2 id={`${idPrefix}-heading`} className="text-xl font-semibold">
        {t('arch.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('arch.lead')}</p>
      <div className="mt-4 grid gap-6 xl:grid-cols-2">
        <figure className="min-w-0 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
          <figcaption className="mb-2 text-sm font-semibold">{t('arch.target', { n })}</figcaption>
          <Target locale={locale} />
        </figure>
        <figure className="min-w-0 rounded-xl border border-slate-200 p-4 dark:border-slate-700">
          <figcaption className="mb-2 text-sm font-semibold">{t('arch.deployed')}</figcaption>
          <LiveDiagram stageId={follow ? stageId : undefined} locale={locale} refreshingLabel={t('arch.refreshing')}>
            <ArchitectureView run={run} locale={locale} idPrefix={idPrefix} />
          </LiveDiagram>
        </figure>
      </div>
    </section>
  );
}
