import { notFound } from 'next/navigation';
import { createEventAction } from '@/components/instructor/event-actions';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { NewEventForm } from '@/components/instructor/new-event-form';
import { accountModes } from '@/lib/events/settings';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';
import { labs } from '@/lib/labs/registry';

export const dynamic = 'force-dynamic';

export default async function NewEventPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const t = translator(locale);
  const stages = labs.map((lab) => ({
    id: lab.id,
    label: `${t('stage.label', { n: lab.id.slice(0, 2) })} · ${lab.title[locale]}`,
  }));
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
