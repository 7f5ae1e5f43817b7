'use client';

import { useId, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import { rosterAction } from './actions';
import { stageNumber } from './format';
import { secondaryButtonClass } from './styles';

interface Props {
  locale: Locale;
  eventId: string;
  learnerId: string;
  learnerName: string;
  stages: StageId[];
  defaultStage: StageId;
  /** The event lets the instructor deploy a stage's solution for a learner. */
  fastForward: boolean;
}

/**
 * Per learner: pick a stage, then unlock it, reset it, re-run its checks now, or (when the event allows it, after a
 * confirmation) fast-forward: deploy its solution into the learner's account. The roster updates over SSE.
 */
export function LearnerActions({ locale, eventId, learnerId, learnerName, stages, defaultStage, fastForward }: Props) {
  const t = translator(locale);
  const selectId = useId();
  const [stageId, setStageId] = useState<StageId>(defaultStage);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const act = (action: 'unlock' | 'reset' | 'rerun' | 'fast-forward') => {
    if (
      action === 'fast-forward' &&
      !window.confirm(t('roster.action.confirmFastForward', { n: stageNumber(stageId), name: learnerName }))
    ) {
      return;
    }
    startTransition(async () => {
      setMessage(null);
      const res = await rosterAction({ eventId, learnerId, stageId, action });
      setMessage(
        res.ok
          ? t('roster.action.done')
          : res.error === 'busy'
            ? t('roster.action.busy')
            : res.error === 'not-allowed'
              ? t('roster.action.notAllowed')
              : res.message
                ? `${t('roster.action.failed')} ${res.message}`
                : t('roster.action.failed'),
      );
    });
  };
  const actions = fastForward
    ? (['unlock', 'reset', 'rerun', 'fast-forward'] as const)
    : (['unlock', 'reset', 'rerun'] as const);

  return (
    <div className="flex flex-wrap items-center gap-1.5" data-learner-actions>
      <label htmlFor={selectId} className="sr-only">
        {t('roster.action.stage', { name: learnerName })}
      </label>
      <select
        id={selectId}
        value={stageId}
        onChange={(e) => setStageId(e.target.value as StageId)}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-900"
      >
        {stages.map((s) => (
          <option key={s} value={s}>
            {stageNumber(s)}
          </option>
        ))}
      </select>
      {actions.map((a) => (
        <button key={a} type="button" disabled={pending} onClick={() => act(a)} className={secondaryButtonClass}>
          {t(`roster.action.${a}`)}
        </button>
      ))}
      <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {message}
      </span>
    </div>
  );
}
