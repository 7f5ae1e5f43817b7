import Link from 'next/link';
import { LockIcon } from '@/components/icons';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { StageStatus } from '@/lib/labs/journey';
import type { LabMeta } from '@/lib/labs/types';

/** Previous / next stage. A locked next stage is shown, explained, and not a link. */
export function StageNav({
  locale,
  t,
  prev,
  next,
  nextStatus,
}: {
  locale: Locale;
  t: Translate;
  prev?: LabMeta;
  next?: LabMeta;
  nextStatus?: StageStatus;
}) {
  const box = 'block rounded-lg border border-slate-200 p-4 dark:border-slate-700';
  return (
    <nav aria-label={`${t('stage.prev')} / ${t('stage.next')}`} className="mt-12 grid gap-4 sm:grid-cols-2">
      <div>
        {prev && (
          <Link href={`/${locale}/labs/${prev.id}`} rel="prev" className={`${box} hover:border-brand-600`}>
            <span className="text-xs text-slate-500">← {t('stage.prev')}</span>
            <span className="block font-medium">{prev.title[locale]}</span>
          </Link>
        )}
      </div>
      <div className="sm:text-right">
        {next &&
          (nextStatus === 'locked' ? (
            <div
              className={`${box} bg-slate-50 text-slate-500 dark:bg-slate-900`}
              aria-disabled="true"
              data-next-locked="true"
            >
              <span className="inline-flex items-center gap-1 text-xs">
                <LockIcon /> {t('stage.next')}
              </span>
              <span className="block font-medium">{next.title[locale]}</span>
              <span className="mt-1 block text-xs">{t('stage.nextLocked')}</span>
            </div>
          ) : (
            <Link href={`/${locale}/labs/${next.id}`} rel="next" className={`${box} hover:border-brand-600`}>
              <span className="text-xs text-slate-500">{t('stage.next')} →</span>
              <span className="block font-medium">{next.title[locale]}</span>
            </Link>
          ))}
      </div>
    </nav>
  );
}
