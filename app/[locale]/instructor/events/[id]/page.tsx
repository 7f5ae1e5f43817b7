import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CopyJoinLink } from '@/components/instructor/copy-join-link';
import { BroadcastForm, CloseEvent } from '@/components/instructor/event-admin';
import { EventSettings } from '@/components/instructor/event-settings';
import { EventTimer } from '@/components/instructor/event-timer';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { JoinQr } from '@/components/instructor/join-qr';
import { RemindCleanup } from '@/components/instructor/remind-cleanup';
import { RosterView } from '@/components/instructor/roster-view';
import { secondaryButtonClass } from '@/components/instructor/styles';
import { joinPath } from '@/lib/events/events';
import { eventEnded } from '@/lib/events/manage';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { loadRosterData } from '@/lib/roster/load';
import { buildRoster } from '@/lib/roster/roster';

export const dynamic = 'force-dynamic';

async function siteOrigin(): Promise<string> {
  if (process.env.SCALELAB_PUBLIC_URL) return process.env.SCALELAB_PUBLIC_URL.replace(/\/$/, '');
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
}

export default async function EventRosterPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const data = await loadRosterData(await getInstructorStore(), instructor, id);
  if (!data) notFound();
  const t = translator(locale);
  const roster = buildRoster(data);
  const now = Date.parse(roster.generatedAt);
  const ended = eventEnded(roster.event, now);
  const joinUrl = `${await siteOrigin()}${joinPath(locale, roster.event.code)}`;
  const api = `/api/instructor/events/${roster.event.id}`;
  return (
    <div>
      <InstructorBar locale={locale} email={instructor.email} />
      <p className="text-sm">
        <Link href={`/${locale}/instructor`} className="text-brand-700 hover:underline dark:text-brand-100">
          ← {t('event.back')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">{roster.event.name}</h1>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div className="flex flex-wrap items-start gap-4">
          <dl className="grid min-w-0 flex-1 gap-3">
            <div>
              <dt className="text-sm font-medium">{t('event.joinCode')}</dt>
              <dd className="font-mono text-3xl font-bold tracking-widest" data-join-code>
                {roster.event.code}
              </dd>
            </div>
            <div>
              <dt className="text-sm font-medium">{t('event.joinLink')}</dt>
              <dd className="font-mono text-sm break-all" data-join-link>
                {joinUrl}
              </dd>
              <dd className="mt-1">
                <CopyJoinLink locale={locale} url={joinUrl} />
              </dd>
            </div>
          </dl>
          <JoinQr url={joinUrl} label={t('event.qr')} />
        </div>
        <div className="space-y-3">
          <EventTimer locale={locale} startsAt={roster.event.startsAt} endsAt={roster.event.endsAt} serverNow={now} />
          <EventSettings locale={locale} event={roster.event} />
        </div>
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Link href={`/${locale}/instructor/events/${roster.event.id}/edit`} className={secondaryButtonClass}>
          {t('event.edit')}
        </Link>
        <CloseEvent locale={locale} eventId={roster.event.id} ended={ended} />
        <a href={`${api}/export?format=csv`} className={secondaryButtonClass} download>
          {t('event.exportCsv')}
        </a>
        <a href={`${api}/export?format=json`} className={secondaryButtonClass} download>
          {t('event.exportJson')}
        </a>
        <RemindCleanup locale={locale} eventId={roster.event.id} initial={roster.event.cleanupRemindedAt} />
      </div>
      <div className="mt-4 max-w-2xl">
        <BroadcastForm locale={locale} eventId={roster.event.id} initial={roster.event.broadcast} />
      </div>
      <h2 className="mt-8 mb-3 text-xl font-semibold">{t('roster.title')}</h2>
      <RosterView locale={locale} initial={roster} streamUrl={`${api}/roster`} />
    </div>
  );
}
