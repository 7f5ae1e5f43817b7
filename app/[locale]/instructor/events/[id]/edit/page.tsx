import { notFound } from 'next/navigation';
import { editEventAction } from '@/components/instructor/event-actions';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { NewEventForm } from '@/components/instructor/new-event-form';
import { stageOptions } from '@/components/instructor/stage-options';
import { eventForInstructor, toEventSummary } from '@/lib/events/events';
import { accountModes } from '@/lib/events/settings';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export const dynamic = 'force-dynamic';

export default async function EditEventPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const row = await eventForInstructor(await getInstructorStore(), instructor, id);
  if (!row) notFound();
  const event = toEventSummary(row);
  const t = translator(locale);
  const stages = stageOptions(t, locale);
  return (
    <div className="mx-auto max-w-4xl">
      <InstructorBar locale={locale} email={instructor.email} />
      <h1 className="text-2xl font-bold tracking-tight">{t('event.edit.title')}</h1>
      <NewEventForm
        locale={locale}
        action={editEventAction.bind(null, locale, event.id)}
        stages={stages}
        modes={accountModes}
        submitLabel={t('event.save')}
        initial={{
          name: event.name,
          stages: event.settings.stages,
          accountModes: event.settings.accountModes,
          fastForward: event.settings.fastForward,
          quizzesGate: event.settings.quizzesGate,
          startsAt: event.startsAt ?? '',
          endsAt: event.endsAt ?? '',
        }}
      />
    </div>
  );
}
