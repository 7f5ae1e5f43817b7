import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveArchitecture } from '@/components/architecture/live-architecture';
import { InstructorBar } from '@/components/instructor/instructor-bar';
import { learnerDiagram } from '@/lib/architecture/learner-diagram';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { requireInstructor } from '@/lib/instructors/session';
import { getStore } from '@/lib/progress';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; id: string; learnerId: string }>;

/** An instructor opens one learner's live diagram from the roster: their latest check run of a stage, drawn. */
export default async function LearnerDiagramPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ stage?: string }>;
}) {
  const { locale, id, learnerId } = await params;
  if (!isLocale(locale)) notFound();
  const instructor = await requireInstructor(locale);
  const { stage } = await searchParams;
  const view = await learnerDiagram({ store: await getStore(), instructors: await getInstructorStore() }, instructor, {
    eventId: id,
    learnerId,
    ...(stage ? { stage } : {}),
  });
  if (!view) notFound();
  const t = translator(locale);
  const base = `/${locale}/instructor/events/${view.eventId}/learners/${learnerId}/diagram`;
  return (
    <div>
      <InstructorBar locale={locale} email={instructor.email} />
      <p className="text-sm">
        <Link
          href={`/${locale}/instructor/events/${view.eventId}`}
          className="text-brand-700 hover:underline dark:text-brand-100"
        >
          ← {t('arch.instructorBack')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold tracking-tight">
        {t('arch.instructorTitle', { name: view.learnerName })}
      </h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{view.eventName}</p>
      {view.stagesWithRuns.length > 0 && (
        <nav aria-label={t('arch.instructorStages')} className="mt-4 flex flex-wrap gap-2 text-sm">
          {view.stagesWithRuns.map((s) => (
            <Link
              key={s}
              href={`${base}?stage=${s}`}
              aria-current={s === view.stageId ? 'page' : undefined}
              className={`rounded-md border px-2 py-1 ${s === view.stageId ? 'border-brand-600 font-semibold' : 'border-slate-300 dark:border-slate-600'}`}
            >
              {t('arch.instructorStage', { n: s.slice(0, 2) })}
            </Link>
          ))}
        </nav>
      )}
      <LiveArchitecture stageId={view.stageId} locale={locale} run={view.run} idPrefix="learner" />
    </div>
  );
}
