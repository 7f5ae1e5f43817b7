import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { CostWarning } from '@/lib/stacks/cost-warnings';

/** "0.18" or "0.18–0.72": one figure when the range is a point. */
export function usdRange(range: { min: number; max: number }, places: number): string {
  const f = (n: number) => n.toFixed(places);
  return range.min === range.max ? f(range.min) : `${f(range.min)}–${f(range.max)}`;
}

/**
 * The change-set preview's cost warning (lib/stacks/cost-warnings.ts), above the Deploy button: what the costly part
 * of this deploy costs an hour and a week, in the page's language.
 */
export function CostWarningNote({ warning, locale }: { warning: CostWarning; locale: Locale }) {
  const t = translator(locale);
  const classes = [...new Set(warning.instances.map((i) => i.instanceClass))].join(', ');
  const serverless = warning.instances.some((i) => i.acu);
  return (
    <div
      role="note"
      aria-labelledby="cost-warning-title"
      data-cost-warning={warning.globalDatabase ? 'global-database' : 'instances'}
      className="mt-3 space-y-1 rounded-lg border border-amber-400 bg-amber-50 p-3 text-xs text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id="cost-warning-title" className="font-semibold">
        ⚠ {t('stack.cost.title')}
      </p>
      {warning.globalDatabase && warning.replicatedWritesPerMillionUsd !== null && (
        <p>{t('stack.cost.global', { perMillion: warning.replicatedWritesPerMillionUsd.toFixed(2) })}</p>
      )}
      {warning.instances.length > 0 && (
        <p data-cost-hourly={usdRange(warning.hourlyUsd, 2)}>
          {t('stack.cost.instances', {
            n: warning.instances.length,
            classes,
            hourly: usdRange(warning.hourlyUsd, 2),
            weekly: usdRange(warning.weeklyUsd, 0),
          })}
          {serverless && ` ${t('stack.cost.serverless')}`}
        </p>
      )}
      {warning.unpriced.length > 0 && <p>{t('stack.cost.unpriced', { classes: warning.unpriced.join(', ') })}</p>}
      <p>
        {warning.estimated
          ? t('stack.cost.estimated', { region: warning.pricedAs })
          : t('stack.cost.priced', { region: warning.pricedAs })}{' '}
        {t('stack.cost.cleanUp')}
      </p>
    </div>
  );
}
