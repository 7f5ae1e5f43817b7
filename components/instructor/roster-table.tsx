'use client';

import { useId, useMemo, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { type MessageKey, translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import type { RosterRow } from '@/lib/roster/roster';
import { stageNumber } from './format';
import { RosterBulk } from './roster-bulk';
import { RosterRowView } from './roster-row';
import { inputClass } from './styles';

type SortKey = 'learner' | 'current' | 'onStage' | 'lastRun' | 'activity';
const FINISHED = 'finished';

function sortValue(row: RosterRow, key: SortKey, stages: StageId[], now: number): string | number {
  switch (key) {
    case 'learner':
      return row.displayName.toLocaleLowerCase();
    case 'current':
      return row.currentStage ? stages.indexOf(row.currentStage) : stages.length;
    case 'onStage':
      return row.onStageSince ? now - Date.parse(row.onStageSince) : -1;
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

/**
 * The roster: one compact row per learner (failing required checks by name, time on the current stage, a drill-down
 * to the last run), sortable by column header, filterable by name and current stage; tick learners to unlock a stage
 * for all of them at once.
 */
export function RosterTable({ locale, eventId, stages, rows, now, fastForward }: Props) {
  const t = translator(locale);
  const ids = { name: useId(), stage: useId() };
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'learner', dir: 1 });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [expanded, setExpanded] = useState<string | null>(null);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    return rows
      .filter((r) => !q || r.displayName.toLocaleLowerCase().includes(q))
      .filter((r) => !stage || (stage === FINISHED ? r.currentStage === null : r.currentStage === stage))
      .sort((a, b) => {
        const x = sortValue(a, sort.key, stages, now);
        const y = sortValue(b, sort.key, stages, now);
        return (x < y ? -1 : x > y ? 1 : 0) * sort.dir;
      });
  }, [rows, query, stage, sort, stages, now]);
  // Only learners still on the roster stay ticked (one removed or merged away drops out).
  const ticked = rows.filter((r) => selected.has(r.learnerId)).map((r) => r.learnerId);
  const allShown = shown.length > 0 && shown.every((r) => selected.has(r.learnerId));
  const people = rows.map((r) => ({ learnerId: r.learnerId, displayName: r.displayName }));

  const select = (learnerIds: string[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of learnerIds) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const header = (key: SortKey, label: MessageKey) => {
    const active = sort.key === key;
    return (
      <th
        scope="col"
        aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
        className="px-2 py-1.5"
      >
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
  const plain = (label: MessageKey) => (
    <th scope="col" className="px-2 py-1.5 font-semibold">
      {t(label)}
    </th>
  );

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
      <div className="mt-3">
        <RosterBulk
          locale={locale}
          eventId={eventId}
          stages={stages}
          selected={ticked}
          onDone={() => setSelected(new Set())}
        />
      </div>
      <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-700">
        <table className="w-full text-left text-xs" data-roster-table>
          <caption className="sr-only">{t('roster.title')}</caption>
          <thead className="bg-slate-50 dark:bg-slate-900">
            <tr>
              <th scope="col" className="px-2 py-1.5">
                <input
                  type="checkbox"
                  checked={allShown}
                  onChange={(e) =>
                    select(
                      shown.map((r) => r.learnerId),
                      e.target.checked,
                    )
                  }
                  aria-label={t('roster.selectAll')}
                />
              </th>
              {header('learner', 'roster.col.learner')}
              {header('current', 'roster.col.current')}
              {header('onStage', 'roster.col.onStage')}
              {plain('roster.col.failing')}
              {plain('roster.col.stages')}
              {header('lastRun', 'roster.col.lastRun')}
              {plain('roster.col.stack')}
              {header('activity', 'roster.col.activity')}
              {plain('roster.col.actions')}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {shown.map((r) => (
              <RosterRowView
                key={r.learnerId}
                locale={locale}
                eventId={eventId}
                stages={stages}
                row={r}
                now={now}
                fastForward={fastForward}
                selected={selected.has(r.learnerId)}
                onSelect={(on) => select([r.learnerId], on)}
                expanded={expanded === r.learnerId}
                onToggle={() => setExpanded((x) => (x === r.learnerId ? null : r.learnerId))}
                others={people.filter((p) => p.learnerId !== r.learnerId)}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
