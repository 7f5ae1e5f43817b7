'use client';

import { useEffect, useState } from 'react';
import { type BroadcastView, learnerNoticesAction } from './actions';

const POLL_MS = 30_000;

interface Props {
  initial: BroadcastView;
  /** The learner's progress decisions when the page was rendered. */
  overrides: number;
  /** Only a learner in an event can be sent a message: nobody else asks. */
  poll: boolean;
  labels: { title: string; changed: string; reload: string };
}

/**
 * The instructor's message to the room, as a banner, and a notice when the instructor changed the learner's progress
 * (unlocked, reset or completed a stage) since the page was rendered. Asked again every 30 s and when the tab comes
 * back into view, so both reach pages left open during the workshop.
 */
export function BroadcastBanner({ initial, overrides, poll, labels }: Props) {
  const [notice, setNotice] = useState(initial);
  const [changed, setChanged] = useState(false);
  useEffect(() => {
    if (!poll) return;
    let live = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      learnerNoticesAction()
        .then((n) => {
          if (!live) return;
          setNotice(n.broadcast);
          if (n.overrides !== overrides) setChanged(true);
        })
        .catch(() => undefined);
    };
    const timer = setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [poll, overrides]);
  return (
    <>
      {notice && (
        <div
          role="status"
          data-broadcast-banner
          className="mb-6 rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100"
        >
          <p className="font-semibold">{labels.title.replace('{event}', notice.eventName)}</p>
          <p className="mt-1">{notice.message}</p>
        </div>
      )}
      {changed && (
        <div
          role="status"
          data-progress-changed
          className="mb-6 flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100"
        >
          <p>{labels.changed}</p>
          <button
            type="button"
            onClick={() => window.location.reload()}
            className="rounded-md border border-current px-2.5 py-1 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {labels.reload}
          </button>
        </div>
      )}
    </>
  );
}
