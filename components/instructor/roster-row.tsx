'use client';

import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import type { RosterRow } from '@/lib/roster/roster';
import { minutesSince, STUCK_AFTER_MINUTES } from '@/lib/roster/stage-timeline';
import { ago, stageNumber } from './format';
import { LearnerActions } from './learner-actions';
import { RosterDetails } from './roster-details';

const statusStyle = {
  completed: 'bg-emerald-600 text-white',
  unlocked: 'bg-brand-100 text-brand-900 dark:bg-brand-900/60 dark:text-brand-100',
  locked: 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400',
} as const;

const cell = 'px-2 py-1 align-top';
export const ROSTER_COLUMNS = 10;

interface Props {
  locale: Locale;
  eventId: string;
  stages: StageId[];
  row: RosterRow;
  now: number;
  fastForward: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  expanded: boolean;
  onToggle: () => void;
  others: { learnerId: string; displayName: string }[];
}

/** One learner in a compact roster row (80 learners fit a laptop screen), with its drill-down row under it. */
export function RosterRowView(props: Props) {
  const { locale, eventId, stages, row: r, now, selected, expanded } = props;
  const t = translator(locale);
  const minutes = r.onStageSince ? minutesSince(r.onStageSince, now) : null;
  const stuck = minutes !== null && minutes >= STUCK_AFTER_MINUTES;
  const detailsId = `details-${r.learnerId}`;
  return (
    <>
      <tr
        data-learner={r.displayName}
        data-learner-id={r.learnerId}
        data-stuck={stuck ? 'true' : 'false'}
        className={stuck ? 'bg-amber-50/70 dark:bg-amber-950/30' : undefined}
      >
        <td className={cell}>
          <input
            type="checkbox"
            checked={selected}
            onChange={(e) => props.onSelect(e.target.checked)}
            aria-label={t('roster.select', { name: r.displayName })}
          />
        </td>
        <th scope="row" className={`${cell} font-medium`}>
          <button
            type="button"
            onClick={props.onToggle}
            aria-expanded={expanded}
            aria-controls={detailsId}
            className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
            title={t('roster.details')}
          >
            <span aria-hidden="true" className="mr-1 inline-block w-2 text-slate-500">
              {expanded ? '▾' : '▸'}
            </span>
            {r.displayName}
            <span className="sr-only"> · {t('roster.details')}</span>
          </button>
          <span className="block font-mono text-[11px] font-normal text-slate-500">
            {r.account.kind}
            {r.account.masked ? ` ${r.account.masked}` : ''}
          </span>
          <a
            href={`/${locale}/instructor/events/${eventId}/learners/${r.learnerId}/diagram`}
            aria-label={t('arch.openDiagramOf', { name: r.displayName })}
            className="text-[11px] font-normal text-brand-700 underline dark:text-brand-100"
            data-learner-diagram
          >
            {t('arch.openDiagram')}
          </a>
        </th>
        <td className={cell} data-current-stage={r.currentStage ?? 'finished'}>
          {r.currentStage ? t('stage.label', { n: stageNumber(r.currentStage) }) : t('roster.finished')}
        </td>
        <td className={`${cell} whitespace-nowrap tabular-nums`} data-on-stage={minutes ?? ''}>
          {minutes === null ? (
            '—'
          ) : stuck ? (
            <span className="font-semibold text-amber-800 dark:text-amber-200">
              {t('roster.stuckFor', { n: minutes })}
            </span>
          ) : (
            t('roster.onStageFor', { n: minutes })
          )}
        </td>
        <td className={cell} data-failing={r.failingRequired.map((f) => f.id).join(' ')}>
          {r.failingRequired.length === 0 ? (
            <span className="text-slate-500">{t('roster.noneFailing')}</span>
          ) : (
            <ul className="space-y-0.5">
              {r.failingRequired.map((f) => (
                <li key={f.id} className="text-red-800 dark:text-red-200" title={f.id}>
                  {f.title?.[locale] ?? f.id}
                </li>
              ))}
            </ul>
          )}
        </td>
        <td className={cell}>
          <ul className="flex gap-0.5">
            {stages.map((s) => {
              const status = r.stages[s] ?? 'locked';
              return (
                <li
                  key={s}
                  data-stage={s}
                  data-status={status}
                  title={`${t('stage.label', { n: stageNumber(s) })}: ${t(`status.${status}`)}`}
                  className={`rounded px-1 font-mono text-[11px] ${statusStyle[status]}`}
                >
                  {stageNumber(s)}
                  <span className="sr-only">: {t(`status.${status}`)}</span>
                </li>
              );
            })}
          </ul>
        </td>
        <td className={cell} data-last-run={r.lastRun?.status ?? 'none'} data-run-started={r.lastRun?.startedAt}>
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
        <td className={`${cell} font-mono text-[11px]`} data-stack-status={r.stack?.status ?? 'NONE'}>
          {r.stack ? r.stack.status : t('roster.noStack')}
        </td>
        <td className={`${cell} whitespace-nowrap`}>{ago(locale, r.lastActivity, now)}</td>
        <td className={cell}>
          <LearnerActions locale={locale} eventId={eventId} row={r} stages={stages} fastForward={props.fastForward} />
        </td>
      </tr>
      {expanded && (
        <tr id={detailsId} className="bg-slate-50 dark:bg-slate-900/60">
          <td colSpan={ROSTER_COLUMNS} className="px-4 py-3">
            <RosterDetails locale={locale} eventId={eventId} row={r} others={props.others} stages={stages} />
          </td>
        </tr>
      )}
    </>
  );
}
