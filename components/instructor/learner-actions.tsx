'use client';

import { useEffect, useId, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import type { RosterRow } from '@/lib/roster/roster';
import { rosterAction } from './actions';
import { stageNumber } from './format';
import { secondaryButtonClass, smallSelectClass } from './styles';

interface Props {
  locale: Locale;
  eventId: string;
  row: RosterRow;
  stages: StageId[];
  /** The event lets the instructor deploy a stage's solution for a learner. */
  fastForward: boolean;
}

/** Work an action started and the roster has not shown finished yet. */
type Pending = { kind: 'rerun'; runId: string } | { kind: 'fast-forward'; operationId: string | null } | null;

/**
 * Per learner: pick a stage, then unlock it (and the locked stages before it), reset it, re-run its checks now, or
 * (when the event allows it) fast-forward: deploy its solution into the learner's account. Reset and fast-forward ask
 * first. A re-run or a fast-forward stays pending until the live roster shows its run or stack operation finished.
 */
export function LearnerActions({ locale, eventId, row, stages, fastForward }: Props) {
  const t = translator(locale);
  const selectId = useId();
  const [stageId, setStageId] = useState<StageId>(
    row.currentStage ?? stages[stages.length - 1] ?? ('00-one-user' as StageId),
  );
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [busy, startTransition] = useTransition();

  // The roster is live (SSE): settle a pending action when its run or operation shows up finished.
  useEffect(() => {
    if (pending?.kind === 'rerun') {
      const run = row.lastRun;
      if (!run || run.id !== pending.runId || run.status === 'running') return;
      setMessage(
        run.status === 'failed'
          ? t('roster.action.rerunFailed', { reason: t('roster.runFailed') })
          : t('roster.action.rerunDone', { passed: run.passed, failed: run.failed }),
      );
      setPending(null);
    }
    if (pending?.kind === 'fast-forward') {
      const stack = row.stack;
      // While the action is still deploying, the operation is not known yet: nothing to settle.
      if (!stack || !pending.operationId || stack.id !== pending.operationId) return;
      if (stack.status.endsWith('_IN_PROGRESS')) return;
      setMessage(
        stack.status.endsWith('_COMPLETE') && !stack.status.includes('ROLLBACK')
          ? t('roster.action.ffDone', { status: stack.status })
          : t('roster.action.ffFailed', { status: stack.status }),
      );
      setPending(null);
    }
  }, [row, pending, t]);

  const n = stageNumber(stageId);
  const act = (action: 'unlock' | 'reset' | 'rerun' | 'fast-forward') => {
    if (action === 'reset' && !window.confirm(t('roster.action.confirmReset', { n, name: row.displayName }))) return;
    if (
      action === 'fast-forward' &&
      !window.confirm(t('roster.action.confirmFastForward', { n, name: row.displayName }))
    ) {
      return;
    }
    startTransition(async () => {
      setMessage(null);
      setPending(action === 'fast-forward' ? { kind: 'fast-forward', operationId: null } : null);
      const res = await rosterAction({ eventId, learnerId: row.learnerId, stageId, action });
      if (!res.ok) {
        setPending(null);
        setMessage(
          res.error === 'busy'
            ? t('roster.action.busy')
            : res.error === 'not-allowed'
              ? t('roster.action.notAllowed')
              : res.message
                ? `${t('roster.action.failed')} ${res.message}`
                : t('roster.action.failed'),
        );
        return;
      }
      if (action === 'rerun' && res.runId) setPending({ kind: 'rerun', runId: res.runId });
      else if (action === 'fast-forward' && res.operationId) {
        setPending({ kind: 'fast-forward', operationId: res.operationId });
      } else if (action === 'fast-forward') {
        setPending(null);
        setMessage(t('roster.action.done'));
      } else if (action === 'unlock') {
        setMessage(t('roster.action.unlockDone', { list: (res.unlocked ?? [stageId]).map(stageNumber).join(', ') }));
      } else if (action === 'reset') setMessage(t('roster.action.resetDone', { n }));
      else setMessage(t('roster.action.done'));
    });
  };
  const actions = fastForward
    ? (['unlock', 'reset', 'rerun', 'fast-forward'] as const)
    : (['unlock', 'reset', 'rerun'] as const);
  const waiting = pending
    ? t(pending.kind === 'rerun' ? 'roster.action.rerunPending' : 'roster.action.ffPending')
    : null;

  return (
    <div className="flex flex-wrap items-center gap-1" data-learner-actions data-pending={pending?.kind ?? 'none'}>
      <label htmlFor={selectId} className="sr-only">
        {t('roster.action.stage', { name: row.displayName })}
      </label>
      <select
        id={selectId}
        value={stageId}
        onChange={(e) => setStageId(e.target.value as StageId)}
        className={smallSelectClass}
      >
        {stages.map((s) => (
          <option key={s} value={s}>
            {stageNumber(s)}
          </option>
        ))}
      </select>
      {actions.map((a) => (
        <button
          key={a}
          type="button"
          disabled={busy || pending !== null}
          onClick={() => act(a)}
          className={secondaryButtonClass}
        >
          {t(`roster.action.${a}`)}
        </button>
      ))}
      <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {waiting ? (
          <span className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="h-2.5 w-2.5 animate-spin rounded-full border border-current border-t-transparent"
            />
            {waiting}
          </span>
        ) : (
          message
        )}
      </span>
    </div>
  );
}
