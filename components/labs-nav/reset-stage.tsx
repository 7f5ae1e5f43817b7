'use client';

import { useState, useTransition } from 'react';
import { resetOwnStageAction } from './actions';

/**
 * "Reset this stage", after a confirmation that says what it does to the stack (nothing) and to progress (the
 * stage's check runs stop counting). The page then reloads, so the check panel, the steps and the markers start over.
 */
export function ResetStage({
  stageId,
  labels,
}: {
  stageId: string;
  labels: { button: string; confirm: string; done: string; failed: string };
}) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const reset = () => {
    if (!window.confirm(labels.confirm)) return;
    startTransition(async () => {
      const res = await resetOwnStageAction({ stageId });
      setMessage(res.ok ? labels.done : labels.failed);
      if (res.ok) window.location.reload();
    });
  };
  return (
    <div className="mt-4 text-sm" data-reset-stage>
      <button
        type="button"
        onClick={reset}
        disabled={pending}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-xs font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        {labels.button}
      </button>
      <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {message}
      </p>
    </div>
  );
}
