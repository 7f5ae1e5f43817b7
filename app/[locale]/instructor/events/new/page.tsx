import { notFound } from 'next/navigation';
import { createEventAction } from '@/components/instructor/event-actions';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { NewEventForm } from '@/components/instructor/new-event-form';
import { stageOptions } from '@/components/instructor/stage-options';
import { accountModes } from '@/lib/events/settings';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';

export const dynamic = 'force-dynamic';

export default async function NewEventPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const t = translator(locale);
  const stages = stageOptions(t, locale);
  return (
    <div className="mx-auto max-w-4xl">
      <InstructorBar locale={locale} email={instructor.email} />
      <h1 className="text-2xl font-bold tracking-tight">{t('event.new.title')}</h1>
      <NewEventForm
        locale={locale}
        action={createEventAction.bind(null, locale)}
        stages={stages}
        modes={accountModes}
      />
    </div>
  );
}
