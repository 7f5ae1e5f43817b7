import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import { hourlyRange } from '@/lib/labs/cost';
import { type LabMeta, pricedRegions } from '@/lib/labs/types';

/** One line per lab ("≈ 0.02 USD/h" or "≈ 0.11–0.14 USD/h") over the priced regions. */
export function hourlyCostLabel(lab: Pick<LabMeta, 'cost'>, t: Translate): string {
  const { low, high } = hourlyRange(lab);
  const [lo, hi] = [low.toFixed(2), high.toFixed(2)];
  return lo === hi ? t('journey.costPerHour', { n: lo }) : t('journey.costRange', { low: lo, high: hi });
}

export function CostNote({ lab, locale, t }: { lab: LabMeta; locale: Locale; t: Translate }) {
  return (
    <dl className="my-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-4 text-sm dark:bg-slate-900">
      <dt className="font-medium">{t('stage.time')}</dt>
      <dd>
        {t('journey.minutes', { n: lab.minutes })}
        <span className="block text-xs text-slate-600 dark:text-slate-400">{lab.waits[locale]}</span>
      </dd>
      <dt className="font-medium">{t('stage.cost')}</dt>
      <dd>
        <table className="text-left">
          <thead>
            <tr>
              <th className="pr-4 font-medium">{t('stage.costRegion')}</th>
              <th className="pr-4 font-medium">{t('stage.costHour')}</th>
              <th className="font-medium">{t('stage.costWeek')}</th>
            </tr>
          </thead>
          <tbody>
            {pricedRegions.map((region) => (
              <tr key={region} data-region={region}>
                <td className="pr-4">{t(`region.${region}`)}</td>
                <td className="pr-4">{t('stage.costUsd', { n: lab.cost.byRegion[region].hourlyUsd.toFixed(3) })}</td>
                <td>{t('stage.costUsd', { n: lab.cost.byRegion[region].weeklyUsd.toFixed(2) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {lab.cost.note ? <span className="block">{lab.cost.note[locale]}</span> : null}
        <span className="block text-xs text-slate-600 dark:text-slate-400">
          {t('stage.costNote', { date: lab.cost.pricesAsOf })}
          {lab.cost.caveat ? ` ${lab.cost.caveat[locale]}` : ''}
        </span>
      </dd>
    </dl>
  );
}
