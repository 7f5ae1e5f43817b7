import Link from 'next/link';
import { LockIcon } from '@/components/icons';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { LabMeta } from '@/lib/labs/types';

export function LockedStage({ lab, prev, locale, t }: { lab: LabMeta; prev?: LabMeta; locale: Locale; t: Translate }) {
  const n = String(lab.order).padStart(2, '0');
  const prevName = prev
    ? `${t('stage.label', { n: String(prev.order).padStart(2, '0') })} · ${prev.title[locale]}`
    : '';
  return (
    <section
      data-locked="true"
      className="mx-auto max-w-xl rounded-xl border border-slate-200 p-8 text-center dark:border-slate-700"
    >
      <p className="flex justify-center text-slate-500">
        <LockIcon className="h-10 w-10" />
      </p>
      <h1 className="mt-3 text-2xl font-bold">{t('locked.title')}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {t('stage.label', { n })} · {lab.title[locale]}
      </p>
      <p className="mt-4 leading-7">{t('locked.body', { n, prev: prevName })}</p>
      {prev && (
        <Link
          href={`/${locale}/labs/${prev.id}`}
          className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
        >
          {t('locked.goTo', { prev: prevName })}
        </Link>
      )}
    </section>
  );
}
