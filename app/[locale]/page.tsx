import { notFound } from 'next/navigation';
import { EventBanners } from '@/components/events/event-banners';
import { JourneyFinished } from '@/components/journey/journey-finished';
import { ResumeCard } from '@/components/journey/resume-card';
import { StageCard } from '@/components/journey/stage-card';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { journeyFinished } from '@/lib/journey/finished';
import { lastWorkedStage } from '@/lib/journey/resume';
import { journeyFor } from '@/lib/labs/journey';
import { currentLearnerId } from '@/lib/session/current-learner';

export default async function JourneyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = translator(locale);
  const learnerId = await currentLearnerId();
  const [stages, lastWorked] = await Promise.all([journeyFor(learnerId), lastWorkedStage(learnerId)]);
  const openStages = Object.fromEntries(
    stages
      .filter((s) => s.status !== 'locked')
      .map((s) => [
        s.lab.id,
        { label: t('resume.stage', { n: String(s.lab.order).padStart(2, '0'), title: s.lab.title[locale] }) },
      ]),
  );
  const done = stages.filter((s) => s.status === 'completed').length;
  return (
    <div className="mx-auto max-w-3xl">
      <EventBanners locale={locale} />
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t('journey.title')}</h1>
      <p className="mt-3 text-base leading-7 text-slate-700 dark:text-slate-300">{t('journey.lead')}</p>
      <div className="mt-5" aria-live="polite">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('journey.progress', { done, total: stages.length })}
        </p>
        <div
          className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={stages.length}
          aria-valuenow={done}
          aria-label={t('journey.progress', { done, total: stages.length })}
        >
          <div className="h-full bg-emerald-600" style={{ width: `${(done / stages.length) * 100}%` }} />
        </div>
      </div>
      {journeyFinished(stages) ? (
        <JourneyFinished stages={stages} locale={locale} t={t} />
      ) : (
        <ResumeCard
          locale={locale}
          server={lastWorked}
          stages={openStages}
          labels={{ title: t('resume.title'), step: t('resume.step'), go: t('resume.go') }}
        />
      )}
      <h2 className="sr-only">{t('journey.stages')}</h2>
      <ol className="relative mt-8 space-y-5 before:absolute before:top-6 before:bottom-6 before:left-6 before:w-0.5 before:bg-slate-200 dark:before:bg-slate-800">
        {stages.map((stage) => (
          <StageCard key={stage.lab.id} stage={stage} locale={locale} t={t} />
        ))}
      </ol>
    </div>
  );
}
