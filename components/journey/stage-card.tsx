import Link from 'next/link';
import { ClockIcon, CoinIcon } from '@/components/icons';
import { hourlyCostLabel } from '@/components/mdx/cost-note';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { JourneyStage } from '@/lib/labs/journey';
import { formatUsers } from '@/lib/labs/registry';
import { StatusBadge } from './status-badge';

export function StageCard({ stage, locale, t }: { stage: JourneyStage; locale: Locale; t: Translate }) {
  const { lab, status } = stage;
  const locked = status === 'locked';
  const title = (
    <>
      <span className="block text-xs font-medium tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {t('stage.label', { n: String(lab.order).padStart(2, '0') })}
      </span>
      <span className="mt-0.5 block text-lg font-semibold">{lab.title[locale]}</span>
    </>
  );
  return (
    <li className="relative pl-16" data-stage={lab.id} data-status={status}>
      <div
        aria-hidden="true"
        className={`absolute top-4 left-0 flex h-12 w-12 items-center justify-center rounded-full border-2 text-xs font-bold ${
          status === 'completed'
            ? 'border-emerald-600 bg-emerald-600 text-white'
            : status === 'unlocked'
              ? 'border-brand-600 bg-white text-brand-700 dark:bg-slate-950 dark:text-brand-100'
              : 'border-slate-300 bg-slate-100 text-slate-500 dark:border-slate-700 dark:bg-slate-900'
        }`}
      >
        {formatUsers(lab.milestone.users, locale)
          .replace(/,000,000\+?$/, 'M')
          .replace(/,000\+?$/, 'K')}
      </div>
      <article
        className={`rounded-xl border p-4 sm:p-5 ${
          locked
            ? 'border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/50'
            : 'border-slate-200 bg-white shadow-sm dark:border-slate-700 dark:bg-slate-900'
        }`}
      >
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3>
            {locked ? (
              <span aria-disabled="true">{title}</span>
            ) : (
              <Link href={`/${locale}/labs/${lab.id}`} className="hover:underline">
                {title}
              </Link>
            )}
          </h3>
          <StatusBadge status={status} t={t} />
        </div>
        <p className="mt-1 text-sm font-medium text-brand-700 dark:text-brand-100">{lab.milestone.label[locale]}</p>
        <p className="mt-2 text-sm leading-6 text-slate-700 dark:text-slate-300">{lab.summary[locale]}</p>
        <dl className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
          <div className="flex gap-1">
            <dt className="sr-only">{t('stage.time')}</dt>
            <dd className="inline-flex items-center gap-1">
              <ClockIcon /> {t('journey.minutes', { n: lab.minutes })}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="sr-only">{t('stage.cost')}</dt>
            <dd className="inline-flex items-center gap-1">
              <CoinIcon /> {hourlyCostLabel(lab, t)} · {t('journey.costFree')}
            </dd>
          </div>
          {lab.status === 'coming-soon' && (
            <div>
              <dd className="italic">{t('status.comingSoon')}</dd>
            </div>
          )}
          {stage.reason === 'not-in-event' && (
            <div>
              <dd className="italic" data-reason="not-in-event">
                {t('journey.notInEvent')}
              </dd>
            </div>
          )}
        </dl>
      </article>
    </li>
  );
}
