'use client';

import { useEffect, useId, useState } from 'react';
import type { DrillId, DrillTick, DrillVerdict } from '@/lib/gameday/types';
import type { Locale } from '@/lib/i18n/locales';
import { gamedayText } from '@/lib/i18n/messages-gameday';
import { DrillChart } from './drill-chart';
import { useDrillStream } from './use-drill-stream';

export interface PanelDrill {
  id: DrillId;
  title: string;
  summary: string;
  seconds: number;
  /** Offered on a real AWS account too (else sandbox only). */
  realAws: boolean;
}

const VERDICT_STYLE: Record<DrillVerdict['outcome'], string> = {
  held: 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950',
  blip: 'border-amber-500 bg-amber-50 dark:bg-amber-950',
  outage: 'border-red-600 bg-red-50 dark:bg-red-950',
};

/**
 * The game-day panel of a lab page (stage 02+): choose a drill, confirm it, start it; the chart follows the drill's
 * stream second by second and the verdict closes it. In the sandbox the drill plays on simulated time; on a real
 * account it runs for real minutes on the server (the page can close and come back to it), and Stop asks the server
 * to end it and lift the failure. Plain form controls, so it works with the keyboard alone.
 */
export function GameDayPanel({
  stageId,
  locale,
  drills,
  real: initialReal,
}: {
  stageId: string;
  locale: Locale;
  drills: PanelDrill[];
  /** Whether the learner's account is a real one, when the page knows it (else asked of GET /api/gameday). */
  real?: boolean;
}) {
  const t = gamedayText(locale);
  const id = useId();
  const [drill, setDrill] = useState<DrillId>(drills[0]?.id ?? 'az-outage');
  const [confirmed, setConfirmed] = useState(false);
  const stream = useDrillStream(stageId, locale, initialReal ?? null);
  const { real, running, stopping, ticks, events, seconds, verdict, outcome, error } = stream;
  const offered = (d: PanelDrill) => !real || d.realAws;
  // A real drill followed again after a reload: the choice shows the drill that runs.
  useEffect(() => {
    if (stream.drill) setDrill(stream.drill);
  }, [stream.drill]);

  async function start() {
    await stream.start(drill);
    setConfirmed(false);
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
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{t(real ? 'gameday.leadReal' : 'gameday.lead')}</p>
      <form
        className="mt-4 space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (confirmed && !running && chosen && offered(chosen)) void start();
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
                  aria-describedby={offered(d) ? undefined : `${id}-${d.id}-sandbox`}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{d.title}</span>
                  <span className="block text-xs text-slate-600 dark:text-slate-400">
                    {t(real ? 'gameday.minutesReal' : 'gameday.minutes', { n: Math.round(d.seconds / 6) / 10 })}
                  </span>
                  {!offered(d) && (
                    <span id={`${id}-${d.id}-sandbox`} className="block text-xs text-amber-800 dark:text-amber-300">
                      {t('gameday.sandboxOnly')}
                    </span>
                  )}
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
          <span>{t(real ? 'gameday.confirmReal' : 'gameday.confirm')}</span>
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={!confirmed || running || !chosen || !offered(chosen)}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:cursor-not-allowed disabled:opacity-50"
          >
            {t('gameday.start')}
          </button>
          {running && (
            <>
              <span role="status" className="text-sm">
                {stopping ? t('gameday.stopping') : t('gameday.running', { t: last ? last.t + 1 : 0, n: seconds })}
              </span>
              <progress
                max={seconds || 1}
                value={last ? last.t + 1 : 0}
                aria-label={t('gameday.progress')}
                className="h-2 w-32"
              />
              <button
                type="button"
                disabled={stopping}
                className="rounded border px-3 py-1 text-sm disabled:opacity-50"
                onClick={() => void stream.stop()}
              >
                {t('gameday.stop')}
              </button>
            </>
          )}
        </div>
        {running && real && <p className="text-xs text-slate-600 dark:text-slate-400">{t('gameday.canLeave')}</p>}
      </form>
      {error && (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-300">
          {t('gameday.failed', { reason: error })}
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
            {outcome && outcome !== 'finished' && (
              <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">{t(`gameday.outcome.${outcome}`)}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
