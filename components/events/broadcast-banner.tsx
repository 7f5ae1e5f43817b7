'use client';

import { useEffect, useState } from 'react';
import { type BroadcastView, currentBroadcastAction } from './actions';

const POLL_MS = 30_000;

/**
 * The instructor's message to the room, as a banner. Rendered with the page, then asked again every 30 s and when
 * the tab comes back into view, so a message sent (or taken down) during the workshop reaches open pages.
 */
export function BroadcastBanner({
  initial,
  title,
  poll,
}: {
  initial: BroadcastView;
  title: string;
  /** Only a learner in an event can be sent a message: nobody else asks. */
  poll: boolean;
}) {
  const [notice, setNotice] = useState(initial);
  useEffect(() => {
    if (!poll) return;
    let live = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      currentBroadcastAction()
        .then((n) => {
          if (live) setNotice(n);
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
  }, [poll]);
  if (!notice) return null;
  return (
    <div
      role="status"
      data-broadcast-banner
      className="mb-6 rounded-lg border border-brand-600 bg-brand-50 px-4 py-3 text-sm text-brand-900 dark:bg-brand-900/40 dark:text-brand-100"
    >
      <p className="font-semibold">{title.replace('{event}', notice.eventName)}</p>
      <p className="mt-1">{notice.message}</p>
    </div>
  );
}
