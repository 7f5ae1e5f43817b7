import { notFound } from 'next/navigation';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { JoinForm } from './_components/join-form';
import { joinAction } from './actions';

export const dynamic = 'force-dynamic';

/** `/<locale>/join?code=ABC234`: a learner joins an event with its code and a display name. */
export default async function JoinPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ code?: string | string[] }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const { code } = await searchParams;
  const t = translator(locale);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('join.title')}</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('join.lead')}</p>
      <JoinForm
        locale={locale}
        code={typeof code === 'string' ? code.slice(0, 12) : ''}
        action={joinAction.bind(null, locale)}
      />
    </div>
  );
}
