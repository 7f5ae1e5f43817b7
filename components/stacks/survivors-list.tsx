'use client';

import type { Translate } from '@/lib/i18n/messages';

export interface RegionSurvivors {
  region: string;
  arns: string[];
}

/** After a delete: what is still tagged for the lab, region by region (both regions of stage 06's pair). */
export function SurvivorsList({ regions, t }: { regions: RegionSurvivors[]; t: Translate }) {
  const total = regions.reduce((n, r) => n + r.arns.length, 0);
  return (
    <div className="mt-3 space-y-2 text-sm" data-survivors={total}>
      {regions.map((r) =>
        r.arns.length === 0 ? (
          <p key={r.region} className="text-emerald-800 dark:text-emerald-300" data-survivors-region={r.region}>
            {t('stack.survivorsNone', { region: r.region })}
          </p>
        ) : (
          <div key={r.region} data-survivors-region={r.region}>
            <p className="font-medium text-amber-800 dark:text-amber-300">
              {t('stack.survivors', { n: r.arns.length, region: r.region })}
            </p>
            <ul className="mt-1 space-y-0.5 font-mono text-xs break-all">
              {r.arns.map((arn) => (
                <li key={arn}>{arn}</li>
              ))}
            </ul>
          </div>
        ),
      )}
    </div>
  );
}
