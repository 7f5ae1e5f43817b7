'use client';

import { useId, useRef, useState } from 'react';
import type { DrillMessage } from '@/lib/gameday/stream';
import type { DrillEvent, DrillId, DrillTick, DrillVerdict } from '@/lib/gameday/types';
import type { Locale } from '@/lib/i18n/locales';
import { gamedayText } from '@/lib/i18n/messages-gameday';
import { DrillChart } from './drill-chart';

export interface PanelDrill {
  id: DrillId;
  title: string;
  summary: string;
  seconds: number;
}

const VERDICT_STYLE: Record<DrillVerdict['outcome'], string> = {
  held: 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950',
  blip: 'border-amber-500 bg-amber-50 dark:bg-amber-950',
  outage: 'border-red-600 bg-red-50 dark:bg-red-950',
};

/**
 * The game-day panel of a lab page (stage 02+): choose a drill, confirm it, start it; the chart follows the drill's
 * stream second by second and the verdict closes it. Plain form controls, so it works with the keyboard alone.
 */
export function GameDayPanel({ stageId, locale, drills }: { stageId: string; locale: Locale; drills: PanelDrill[] }) {
  const t = gamedayText(locale);
  const id = useId();
  const [drill, setDrill] = useState<DrillId>(drills[0]?.id ?? 'az-outage');
  const [confirmed, setConfirmed] = useState(false);
  const [running, setRunning] = useState(false);
  const [ticks, setTicks] = useState<DrillTick[]>([]);
  const [events, setEvents] = useState<DrillEvent[]>([]);
  const [seconds, setSeconds] = useState(0);
  const [verdict, setVerdict] = useState<DrillVerdict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  function handle(message: DrillMessage) {
    if (message.type === 'start') setSeconds(message.seconds);
    else if (message.type === 'tick') {
      setTicks((all) => [...all, message.tick]);
      if (message.events.length) setEvents((all) => [...all, ...message.events]);
    } else if (message.type === 'done') {
      setEvents(message.events);
      setVerdict(message.verdict);
    } else setError(message.message[locale]);
  }

  async function start() {
    setRunning(true);
    setTicks([]);
    setEvents([]);
    setVerdict(null);
    setError(null);
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await fetch('/api/gameday', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stageId, drill, confirm: true }),
        signal: controller.signal,
      });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: Record<Locale, string> } | null;
        setError(t('gameday.failed', { reason: body?.error?.[locale] ?? String(res.status) }));
        return;
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) handle(JSON.parse(line) as DrillMessage);
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(t('gameday.failed', { reason: (err as Error).message }));
    } finally {
      setRunning(false);
      setConfirmed(false);
    }
  }

  const chosen = drills.find((d) => d.id === drill);
  const azs = [...new Set(ticks.flatMap((x) => Object.keys(x.azs)))].filter((a) => a !== 'none').sort();
  const total = (f: (x: DrillTick) => number) => ticks.reduce((a, x) => a + f(x), 0);
  const last = ticks[ticks.length - 1];

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="mt-8 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      data-testid="game-day"
    >
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {t('gameday.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t('gameday.lead')}</p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed && !running) void start();
        }}
      >
        <fieldset disabled={running}>
          <legend className="text-sm font-medium">{t('gameday.choose')}</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-2">
            {drills.map((d) => (
              <label
                key={d.id}
                className="flex cursor-pointer gap-2 rounded border border-slate-200 p-2 text-sm has-[:checked]:border-brand-600 dark:border-slate-700"
              >
                <input
                  type="radio"
                  name={`${id}-drill`}
                  value={d.id}
                  checked={drill === d.id}
                  onChange={() => setDrill(d.id)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{d.title}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {t('gameday.minutes', { n: Math.round(d.seconds / 6) / 10 })}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {chosen && <p className="text-sm text-slate-700 dark:text-slate-300">{chosen.summary}</p>}
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={confirmed}
            disabled={running}
            onChange={(e) => setConfirmed(e.target.checked)}
            className="mt-1"
          />
          <span>{t('gameday.confirm')}</span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={!confirmed || running}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50"
          >
            {t('gameday.start')}
          </button>
          {running && (
            <>
              <span role="status" className="text-sm">
                {t('gameday.running', { t: last ? last.t + 1 : 0, n: seconds })}
              </span>
              <button type="button" className="rounded border px-3 py-1 text-sm" onClick={() => abort.current?.abort()}>
                {t('gameday.stop')}
              </button>
            </>
          )}
        </div>
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {ticks.length > 0 && (
        <div className="mt-4" data-testid="game-day-chart">
          <h3 className="sr-only">{t('gameday.chart')}</h3>
          <DrillChart
            ticks={ticks}
            events={events}
            seconds={seconds}
            azs={azs}
            labels={{ requests: t('gameday.chartRequests'), latency: t('gameday.chartLatency') }}
          />
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            {t('gameday.summary', {
              requests: total((x) => x.requests),
              errors: total((x) => x.errors),
              degraded: total((x) => x.degraded),
              inService: last?.inService ?? 0,
            })}
          </p>
          {events.length > 0 && (
            <div className="mt-3">
              <h3 className="text-sm font-medium">{t('gameday.events')}</h3>
              <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
                {events
                  .filter((e) => e.kind !== 'end')
                  .map((e, i) => (
                    <li key={`${e.t}-${e.kind}-${i}`}>
                      <span className="font-mono text-xs">{t('gameday.at', { t: e.t })}</span> {e.says[locale]}
                    </li>
                  ))}
              </ol>
            </div>
          )}
        </div>
      )}
      <div aria-live="polite">
        {verdict && (
          <div
            className={`mt-4 rounded border-l-4 p-3 ${VERDICT_STYLE[verdict.outcome]}`}
            data-testid="game-day-verdict"
          >
            <h3 className="text-sm font-semibold">
              {t('gameday.verdict')}: {t(`gameday.${verdict.outcome}`)}
            </h3>
            <p className="mt-1 text-sm">{verdict.says[locale]}</p>
          </div>
        )}
      </div>
    </section>
  );
}
