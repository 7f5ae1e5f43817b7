'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import { formatDate } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import type { LearnerRunDetails } from '@/lib/roster/drill-down';
import type { RosterRow } from '@/lib/roster/roster';
import { stageNumber } from './format';
import { learnerRunAction, mergeLearnersAction, removeLearnerAction } from './roster-actions';
import { secondaryButtonClass, smallSelectClass } from './styles';

const tone = {
  pass: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200',
  fail: 'bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200',
  error: 'bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200',
  skipped: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

interface Props {
  locale: Locale;
  eventId: string;
  row: RosterRow;
  /** Everyone else on the roster: a duplicate merges into one of them. */
  others: { learnerId: string; displayName: string }[];
  stages: StageId[];
}

/**
 * The drill-down under a roster row: the learner's last run of a stage (every result with its evidence, as the
 * learner sees it), reloaded when the live roster shows a newer run; and removing or merging a duplicate learner.
 */
export function RosterDetails({ locale, eventId, row, others, stages }: Props) {
  const t = translator(locale);
  const ids = { stage: useId(), merge: useId() };
  // The drill-down opens on the learner's last run (the issue an instructor is asked about), else their current stage.
  const lastRunStage = stages.find((s) => s === row.lastRun?.stageId);
  const [stageId, setStageId] = useState<StageId>(
    lastRunStage ?? row.currentStage ?? stages[stages.length - 1] ?? stages[0]!,
  );
  const [details, setDetails] = useState<LearnerRunDetails | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const lastRunId = row.lastRun?.id ?? null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the roster shows a newer run of this learner.
  useEffect(() => {
    let live = true;
    setDetails(null);
    learnerRunAction({ eventId, learnerId: row.learnerId, stageId }).then((res) => {
      if (live) setDetails(res.ok ? res.details : { stageId, run: null });
    });
    return () => {
      live = false;
    };
  }, [eventId, row.learnerId, stageId, lastRunId]);

  const remove = () => {
    if (!window.confirm(t('roster.action.confirmRemove', { name: row.displayName }))) return;
    startTransition(async () => {
      const res = await removeLearnerAction({ eventId, learnerId: row.learnerId });
      setMessage(res.ok ? t('roster.action.removeDone') : t('roster.action.failed'));
    });
  };
  const merge = () => {
    const keep = others.find((o) => o.learnerId === mergeInto);
    if (!keep) return;
    if (!window.confirm(t('roster.action.confirmMerge', { drop: row.displayName, keep: keep.displayName }))) return;
    startTransition(async () => {
      const res = await mergeLearnersAction({ eventId, keepId: keep.learnerId, dropId: row.learnerId });
      setMessage(res.ok ? t('roster.action.mergeDone') : t('roster.action.failed'));
    });
  };

  const run = details?.run;
  return (
    <div className="space-y-3 text-xs" data-learner-details={row.learnerId}>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={ids.stage} className="font-medium">
          {t('roster.details.title', { name: row.displayName, n: stageNumber(stageId) })}
        </label>
        <select
          id={ids.stage}
          value={stageId}
          onChange={(e) => setStageId(e.target.value as StageId)}
          className={smallSelectClass}
        >
          {stages.map((s) => (
            <option key={s} value={s}>
              {t('stage.label', { n: stageNumber(s) })}
            </option>
          ))}
        </select>
        {run && (
          <span className="text-slate-500">
            {t('roster.details.started', { when: formatDate(run.startedAt, locale) })}
          </span>
        )}
      </div>
      {!details ? (
        <p role="status">{t('roster.details.loading')}</p>
      ) : !run ? (
        <p data-details-empty>{t('roster.details.none')}</p>
      ) : (
        <>
          {run.error && (
            <p className="text-red-700 dark:text-red-300">{t('checks.runFailed', { reason: run.error[locale] })}</p>
          )}
          <ul className="space-y-1.5" data-details-run={run.id}>
            {run.results.map((r) => {
              const check = run.checks[r.id];
              return (
                <li key={r.id} data-detail-check={r.id} data-state={r.status} className="flex items-start gap-2">
                  <span className={`shrink-0 rounded px-1.5 py-0.5 font-semibold ${tone[r.status]}`}>
                    {t(`checks.status.${r.status}`)}
                  </span>
                  <div className="min-w-0">
                    <p>
                      <span className="font-medium">{check?.title?.[locale] ?? r.id}</span>{' '}
                      <code className="text-slate-500">{r.id}</code>
                      {check?.severity === 'recommended' && (
                        <span className="text-slate-500"> · {t('stage.recommended')}</span>
                      )}
                    </p>
                    <p>{r.message[locale]}</p>
                    {r.evidence.length > 0 && (
                      <ul className="mt-0.5 font-mono text-[11px] text-slate-600 dark:text-slate-400">
                        <li className="sr-only">{t('roster.details.evidence')}</li>
                        {r.evidence.map((e) => (
                          <li key={`${e.type}:${e.id}`} className="break-all">
                            {e.type} {e.id}:{' '}
                            {Object.entries(e.values)
                              .map(([k, v]) => `${k}=${v}`)
                              .join(', ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2 dark:border-slate-700">
        <button type="button" disabled={pending} onClick={remove} className={secondaryButtonClass}>
          {t('roster.action.remove')}
        </button>
        {others.length > 0 && (
          <>
            <label htmlFor={ids.merge}>{t('roster.action.mergeInto', { name: row.displayName })}</label>
            <select
              id={ids.merge}
              value={mergeInto}
              onChange={(e) => setMergeInto(e.target.value)}
              className={smallSelectClass}
            >
              <option value="">{t('roster.action.mergeChoose')}</option>
              {others.map((o) => (
                <option key={o.learnerId} value={o.learnerId}>
                  {o.displayName}
                </option>
              ))}
            </select>
            <button type="button" disabled={pending || !mergeInto} onClick={merge} className={secondaryButtonClass}>
              {t('roster.action.merge')}
            </button>
          </>
        )}
        <span role="status" aria-live="polite" className="text-slate-600 dark:text-slate-400">
          {message}
        </span>
      </div>
    </div>
  );
}
