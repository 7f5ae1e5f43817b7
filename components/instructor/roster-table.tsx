'use client';

import { useId, useMemo, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { type MessageKey, translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import type { RosterRow } from '@/lib/roster/roster';
import { ago, stageNumber } from './format';
import { LearnerActions } from './learner-actions';
import { inputClass } from './styles';

type SortKey = 'learner' | 'current' | 'lastRun' | 'activity';
const FINISHED = 'finished';

const statusStyle = {
  completed: 'bg-emerald-600 text-white',
  unlocked: 'bg-brand-100 text-brand-900 dark:bg-brand-900/60 dark:text-brand-100',
  locked: 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400',
} as const;

function sortValue(row: RosterRow, key: SortKey, stages: StageId[]): string | number {
  switch (key) {
    case 'learner':
      return row.displayName.toLocaleLowerCase();
    case 'current':
      return row.currentStage ? stages.indexOf(row.currentStage) : stages.length;
    case 'lastRun':
      return row.lastRun ? Date.parse(row.lastRun.startedAt) : 0;
    case 'activity':
      return Date.parse(row.lastActivity);
  }
}

interface Props {
  locale: Locale;
  eventId: string;
  stages: StageId[];
  rows: RosterRow[];
  now: number;
  /** The event allows fast-forwarding a learner to a stage's solution. */
  fastForward: boolean;
}

/** The roster: one row per learner, sortable by column header, filterable by name and current stage. */
export function RosterTable({ locale, eventId, stages, rows, now, fastForward }: Props) {
  const t = translator(locale);
  const ids = { name: useId(), stage: useId() };
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'learner', dir: 1 });

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return rows
      .filter((r) => !q || r.displayName.toLocaleLowerCase().includes(q))
      .filter((r) => !stage || (stage === FINISHED ? r.currentStage === null : r.currentStage === stage))
      .sort((a, b) => {
        const x = sortValue(a, sort.key, stages);
        const y = sortValue(b, sort.key, stages);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
      });
  }, [rows, query, stage, sort, stages]);

  const header = (key: SortKey, label: MessageKey) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'} className="px-3 py-2">
        <button
          type="button"
          className="inline-flex items-center gap-1 font-semibold focus-visible:outline-2 focus-visible:outline-brand-600"
          onClick={() => setSort({ key, dir: active ? (-sort.dir as 1 | -1) : 1 })}
          title={t('roster.sortBy', { col: t(label) })}
        >
          {t(label)}
          <span aria-hidden="true">{active ? (sort.dir === 1 ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>
    );
  };

  return (
    <div>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor={ids.name} className="block text-xs font-medium">
            {t('roster.filter')}
          </label>
          <input
            id={ids.name}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={ids.stage} className="block text-xs font-medium">
            {t('roster.stageFilter')}
          </label>
          <select id={ids.stage} value={stage} onChange={(e) => setStage(e.target.value)} className={inputClass}>
            <option value="">{t('roster.stageFilter.all')}</option>
            {stages.map((s) => (
              <option key={s} value={s}>
                {t('stage.label', { n: stageNumber(s) })}
              </option>
            ))}
            <option value={FINISHED}>{t('roster.finished')}</option>
          </select>
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {t('roster.count', { shown: shown.length, total: rows.length })}
        </p>
      </div>
      <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-sm" data-roster-table>
          <caption className="sr-only">{t('roster.title')}</caption>
          <thead className="bg-slate-50 text-xs dark:bg-slate-900">
            <tr>
              {header('learner', 'roster.col.learner')}
              {header('current', 'roster.col.current')}
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('roster.col.stages')}
              </th>
              {header('lastRun', 'roster.col.lastRun')}
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('roster.col.stack')}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('roster.col.account')}
              </th>
              {header('activity', 'roster.col.activity')}
              <th scope="col" className="px-3 py-2 font-semibold">
                {t('roster.col.actions')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {shown.map((r) => (
              <tr key={r.learnerId} data-learner={r.displayName} data-learner-id={r.learnerId}>
                <th scope="row" className="px-3 py-2 font-medium">
                  {r.displayName}
                </th>
                <td className="px-3 py-2" data-current-stage={r.currentStage ?? FINISHED}>
                  {r.currentStage ? t('stage.label', { n: stageNumber(r.currentStage) }) : t('roster.finished')}
                </td>
                <td className="px-3 py-2">
                  <ul className="flex gap-1">
                    {stages.map((s) => {
                      const status = r.stages[s] ?? 'locked';
                      return (
                        <li
                          key={s}
                          data-stage={s}
                          data-status={status}
                          title={`${t('stage.label', { n: stageNumber(s) })}: ${t(`status.${status}`)}`}
                          className={`rounded px-1.5 py-0.5 font-mono text-xs ${statusStyle[status]}`}
                        >
                          {stageNumber(s)}
                          <span className="sr-only">: {t(`status.${status}`)}</span>
                        </li>
                      );
                    })}
                  </ul>
                </td>
                <td
                  className="px-3 py-2 text-xs"
                  data-last-run={r.lastRun?.status ?? 'none'}
                  data-run-started={r.lastRun?.startedAt}
                >
                  {r.lastRun ? (
                    <>
                      <span className="font-mono">{stageNumber(r.lastRun.stageId)}</span>{' '}
                      {r.lastRun.status === 'running'
                        ? t('roster.running')
                        : r.lastRun.status === 'failed'
                          ? t('roster.runFailed')
                          : t('roster.runCounts', { passed: r.lastRun.passed, failed: r.lastRun.failed })}
                      {r.lastRun.errors > 0 && <> · {t('roster.runErrors', { n: r.lastRun.errors })}</>}
                      <span className="block text-slate-500">
                        {ago(locale, r.lastRun.finishedAt ?? r.lastRun.startedAt, now)}
                      </span>
                    </>
                  ) : (
                    t('roster.noRun')
                  )}
                </td>
                <td className="px-3 py-2 font-mono text-xs" data-stack-status={r.stack?.status ?? 'NONE'}>
                  {r.stack ? r.stack.status : t('roster.noStack')}
                </td>
                <td className="px-3 py-2 font-mono text-xs">
                  {r.account.kind}
                  {r.account.masked && <span className="block text-slate-500">{r.account.masked}</span>}
                </td>
                <td className="px-3 py-2 text-xs">{ago(locale, r.lastActivity, now)}</td>
                <td className="px-3 py-2">
                  <LearnerActions
                    locale={locale}
                    eventId={eventId}
                    learnerId={r.learnerId}
                    learnerName={r.displayName}
                    stages={stages}
                    defaultStage={r.currentStage ?? stages[stages.length - 1] ?? '00-one-user'}
                    fastForward={fastForward}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
