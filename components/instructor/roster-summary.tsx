import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { FailedCheck, StageSummary } from '@/lib/roster/roster';
import { stageNumber } from './format';

/** "31 of 42 passed stage 02" per enabled stage, and every check failing now: required first, recommended apart. */
export function RosterSummary({
  locale,
  summary,
  mostFailed,
}: {
  locale: Locale;
  summary: StageSummary[];
  mostFailed: FailedCheck[];
}) {
  const t = translator(locale);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section
        aria-labelledby="roster-summary"
        className="rounded-xl border border-slate-200 p-4 dark:border-slate-700"
      >
        <h2 id="roster-summary" className="text-sm font-semibold">
          {t('roster.summary.title')}
        </h2>
        <ul className="mt-2 space-y-1.5 text-sm">
          {summary.map((s) => (
            <li key={s.stageId} data-summary-stage={s.stageId} data-passed={s.passed}>
              <span>{t('roster.summary.stage', { passed: s.passed, total: s.total, n: stageNumber(s.stageId) })}</span>
              <span
                className="mt-1 block h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
                aria-hidden="true"
              >
                <span
                  className="block h-full bg-emerald-600"
                  style={{ width: `${s.total ? (s.passed / s.total) * 100 : 0}%` }}
                />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="roster-failed" className="rounded-xl border border-slate-200 p-4 dark:border-slate-700">
        <h2 id="roster-failed" className="text-sm font-semibold">
          {t('roster.mostFailed.title')}
        </h2>
        {mostFailed.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{t('roster.mostFailed.none')}</p>
        ) : (
          <>
            <FailedList locale={locale} items={mostFailed.filter((f) => f.severity === 'required')} />
            {mostFailed.some((f) => f.severity === 'recommended') && (
              <>
                <h3 className="mt-3 text-xs font-semibold text-slate-600 uppercase dark:text-slate-400">
                  {t('roster.mostFailed.recommended')}
                </h3>
                <FailedList locale={locale} items={mostFailed.filter((f) => f.severity === 'recommended')} />
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function FailedList({ locale, items }: { locale: Locale; items: FailedCheck[] }) {
  const t = translator(locale);
  if (!items.length) return null;
  return (
    <ol className="mt-2 space-y-1 text-sm">
      {items.map((f) => (
        <li
          key={f.checkId}
          data-failed-check={f.checkId}
          data-severity={f.severity}
          className="flex justify-between gap-3"
        >
          <span>
            <span className="font-mono text-xs text-slate-500">{stageNumber(f.stageId)}</span>{' '}
            {f.title?.[locale] ?? f.checkId}
          </span>
          <span className="shrink-0 tabular-nums">{t('roster.mostFailed.learners', { n: f.learners })}</span>
        </li>
      ))}
    </ol>
  );
}
