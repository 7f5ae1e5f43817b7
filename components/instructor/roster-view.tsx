'use client';

import { useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { Roster } from '@/lib/roster/roster';
import { RosterSummary } from './roster-summary';
import { RosterTable } from './roster-table';

/** The live roster: the server's first render, then every update the roster stream sends (SSE). */
export function RosterView({ locale, initial, streamUrl }: { locale: Locale; initial: Roster; streamUrl: string }) {
  const t = translator(locale);
  const [roster, setRoster] = useState(initial);
  const [live, setLive] = useState<'connecting' | 'open' | 'reconnecting'>('connecting');
  const [now, setNow] = useState(() => Date.parse(initial.generatedAt));

  useEffect(() => {
    const source = new EventSource(streamUrl);
    source.onopen = () => setLive('open');
    source.onerror = () => setLive('reconnecting');
    source.onmessage = (e) => {
      try {
        setRoster(JSON.parse(e.data) as Roster);
      } catch {
        // A partial message: the next one replaces it.
      }
    };
    return () => source.close();
  }, [streamUrl]);

  // Ages ("2 minutes ago") keep counting between updates.
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="space-y-6" data-roster data-live={live}>
      <p className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400" role="status">
        <span
          aria-hidden="true"
          className={`inline-block h-2 w-2 rounded-full ${live === 'open' ? 'bg-emerald-500' : 'bg-amber-500'}`}
        />
        {live === 'reconnecting' ? t('roster.reconnecting') : t('roster.live')}
      </p>
      <RosterSummary locale={locale} summary={roster.summary} mostFailed={roster.mostFailed} />
      {roster.rows.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-roster-empty>
          {t('roster.empty')}
        </p>
      ) : (
        <RosterTable
          locale={locale}
          eventId={roster.event.id}
          stages={roster.event.settings.stages}
          rows={roster.rows}
          now={now}
          fastForward={roster.event.settings.fastForward}
        />
      )}
    </div>
  );
}
