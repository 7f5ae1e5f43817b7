import Link from 'next/link';
import { CheckIcon } from '@/components/icons';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { JourneyStage } from '@/lib/labs/journey';

/** Where the journey's last lab keeps its capstone (the ten commandments) and its clean-up of both Regions. */
const LAST_STAGE = '06-go-global';

/**
 * The journey page's head once the last stage is completed, in place of "Resume where you left off": the journey is
 * finished, what the learner built stage by stage (each stage's milestone), a way back to the capstone, and a
 * reminder to clean up the two Regions.
 */
export function JourneyFinished({ stages, locale, t }: { stages: JourneyStage[]; locale: Locale; t: Translate }) {
  const last = `/${locale}/labs/${LAST_STAGE}`;
  return (
    <section
      aria-labelledby="journey-finished-title"
      className="mt-6 rounded-xl border border-emerald-600 bg-emerald-50 p-4 dark:bg-emerald-900/30"
      data-journey="finished"
    >
      <h2 id="journey-finished-title" className="flex items-center gap-2 text-lg font-semibold">
        <CheckIcon /> {t('journey.finished.title')}
      </h2>
      <p className="mt-1 text-sm leading-6">{t('journey.finished.lead')}</p>
      <h3 className="mt-3 text-sm font-semibold">{t('journey.finished.built')}</h3>
      <ol className="mt-1 space-y-0.5 text-sm" data-journey-built>
        {stages.map(({ lab }) => (
          <li key={lab.id}>
            {t('journey.finished.stage', { n: String(lab.order).padStart(2, '0'), title: lab.title[locale] })}
            <span className="text-slate-600 dark:text-slate-400"> · {lab.milestone.label[locale]}</span>
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap gap-3">
        <Link
          href={`${last}#capstone`}
          data-journey-capstone
          className="inline-block rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700"
        >
          {t('journey.finished.capstone')} →
        </Link>
        <Link
          href={`${last}#clean-up`}
          className="inline-block rounded-lg border border-emerald-700 px-4 py-2 text-sm font-semibold text-emerald-900 hover:bg-emerald-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 dark:text-emerald-100 dark:hover:bg-emerald-900/50"
        >
          {t('journey.finished.cleanUp')}
        </Link>
      </div>
    </section>
  );
}
