import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { LabMeta } from '@/lib/labs/types';

export function CostNote({ lab, locale, t }: { lab: LabMeta; locale: Locale; t: Translate }) {
  return (
    <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-4 text-sm dark:bg-slate-900">
      <dt className="font-medium">{t('stage.time')}</dt>
      <dd>{t('journey.minutes', { n: lab.minutes })}</dd>
      <dt className="font-medium">{t('stage.cost')}</dt>
      <dd>
        {t('journey.costPerHour', { n: lab.cost.hourlyUsd.toFixed(2) })}
        {lab.cost.note ? ` — ${lab.cost.note[locale]}` : ''}
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {t('stage.costNote', { region: lab.cost.region, date: lab.cost.pricesAsOf })}
        </span>
      </dd>
    </dl>
  );
}
