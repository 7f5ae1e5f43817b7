'use client';

import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

/** One stack of the meter: where it runs, since when, and its share of the stage's hourly cost. */
export interface MeteredStack {
  region: string;
  createdAt: string;
  hourlyUsd: number;
}

const minutesSince = (createdAt: string, now: number) =>
  Math.max(0, Math.round((now - Date.parse(createdAt)) / 60_000));
const duration = (minutes: number) =>
  minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/**
 * How long the lab stack has been up and what that has cost; a reminder after a few hours. Stage 06's pair meters
 * both stacks: each region's uptime, their costs added up.
 */
export function CostMeter({
  stacks,
  now,
  sandbox,
  locale,
}: {
  stacks: MeteredStack[];
  now: number;
  sandbox: boolean;
  locale: Locale;
}) {
  const t = translator(locale);
  const minutes = stacks.map((s) => minutesSince(s.createdAt, now));
  const spent = stacks.reduce((sum, s, i) => sum + ((minutes[i] ?? 0) / 60) * s.hourlyUsd, 0).toFixed(2);
  const rate = stacks.reduce((sum, s) => sum + s.hourlyUsd, 0).toFixed(3);
  const [first, second] = stacks;
  const text =
    first && second
      ? t(sandbox ? 'stack.pair.uptimeSandbox' : 'stack.pair.uptime', {
          primary: first.region,
          primaryTime: duration(minutes[0] ?? 0),
          second: second.region,
          secondTime: duration(minutes[1] ?? 0),
          cost: spent,
          rate,
        })
      : sandbox
        ? t('stack.uptimeSandbox', { time: duration(minutes[0] ?? 0) })
        : t('stack.uptime', { time: duration(minutes[0] ?? 0), cost: spent, rate });
  return (
    <div className="mt-2 text-xs text-slate-600 dark:text-slate-400" data-cost-meter data-cost-regions={stacks.length}>
      <p>{text}</p>
      {!sandbox && Math.max(...minutes) >= 180 && (
        <p role="alert" className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          {t('stack.reminder')}
        </p>
      )}
    </div>
  );
}
