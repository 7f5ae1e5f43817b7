import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { buttonClass } from '@/components/instructor/styles';
import { eventsOf } from '@/lib/events/events';
import { eventEnded } from '@/lib/events/manage';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export const dynamic = 'force-dynamic';

export default async function InstructorEventsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const t = translator(locale);
  const events = await eventsOf(await getInstructorStore(), instructor);
  return (
    <div className="mx-auto max-w-4xl">
      <InstructorBar locale={locale} email={instructor.email} />
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-bold tracking-tight">{t('instructor.events.title')}</h1>
        <Link href={`/${locale}/instructor/events/new`} className={buttonClass}>
          {t('instructor.events.new')}
        </Link>
      </div>
      {events.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600 dark:text-slate-400">{t('instructor.events.none')}</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-xl border border-slate-200 dark:divide-slate-800 dark:border-slate-700">
          {events.map((e) => (
            <li key={e.id} className="flex flex-wrap items-center gap-4 p-4" data-event={e.code}>
              <div className="min-w-0 flex-1">
                <Link href={`/${locale}/instructor/events/${e.id}`} className="font-semibold hover:underline">
                  {e.name}
                </Link>
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t('event.joinCode')}: <span className="font-mono">{e.code}</span> ·{' '}
                  {t('instructor.events.learners', { n: e.learners ?? 0 })}
                  {eventEnded(e) && <> · {t('event.timer.ended')}</>}
                </p>
              </div>
              <Link
                href={`/${locale}/instructor/events/${e.id}`}
                className="text-sm text-brand-700 hover:underline dark:text-brand-100"
              >
                {t('instructor.events.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
