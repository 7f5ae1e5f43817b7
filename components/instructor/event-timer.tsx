'use client';

import { useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { timerLabel } from './format';

/** The event's clock for the room: time until the start, then time remaining until the end; counts every 10 s. */
export function EventTimer({
  locale,
  startsAt,
  endsAt,
  serverNow,
}: {
  locale: Locale;
  startsAt: string | null;
  endsAt: string | null;
  /** The server's clock at render time, so the first render (server and hydration) says the same thing. */
  serverNow: number;
}) {
  const t = translator(locale);
  const [now, setNow] = useState(serverNow);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new window (edited, closed) is read against the clock now.
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 10_000);
    return () => clearInterval(timer);
  }, [startsAt, endsAt]);
  const ended = endsAt !== null && now >= Date.parse(endsAt);
  return (
    <p
      className="text-sm"
      data-event-timer={ended ? 'ended' : 'running'}
      role="timer"
      aria-live="off"
      aria-label={t('event.timer')}
    >
      <span className="font-medium">{t('event.timer')}: </span>
      <span className={`font-mono tabular-nums ${ended ? 'text-slate-500' : 'text-brand-700 dark:text-brand-100'}`}>
        {timerLabel(t, startsAt, endsAt, now)}
      </span>
    </p>
  );
}
