'use client';

import { useEffect, useRef, useState } from 'react';
import { announceCheckResults } from '@/components/labs-nav/check-events';
import { useLocalTime } from '@/components/layout/use-mounted-now';
import {
  CHECK_RUN_DONE,
  type CheckRunDoneDetail,
  type PanelCheck,
  type PanelResult,
  type PanelRun,
  type RunEvent,
} from '@/lib/checks/panel';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { runStageChecks } from './actions';
import { CheckRow } from './check-row';

interface Props {
  stageId: string;
  locale: Locale;
  checks: PanelCheck[];
  latest: PanelRun | null;
  account: string;
  next: { number: string; href: string } | null;
}

/**
 * "Run checks" with live progress: each check goes waiting → checking → its result, streamed over SSE from the
 * stored run, so a reload mid-run picks up where it was. Unlocking is the server's decision; the panel only shows it.
 */
export function CheckPanel({ stageId, locale, checks, latest, account, next }: Props) {
  const t = translator(locale);
  const [run, setRun] = useState<PanelRun | null>(latest);
  const [results, setResults] = useState<Record<string, PanelResult>>(() => byId(latest?.results ?? []));
  const [running, setRunning] = useState(latest?.status === 'running');
  const [notice, setNotice] = useState<string | null>(null);
  const source = useRef<EventSource | null>(null);

  function follow(runId: string) {
    source.current?.close();
    const es = new EventSource(`/api/check-runs/${runId}/events`);
    source.current = es;
    es.onmessage = (msg) => {
      const event = JSON.parse(msg.data) as RunEvent;
      if (event.type === 'result') setResults((r) => ({ ...r, [event.result.id]: event.result }));
      if (event.type === 'done') {
        setRun(event.run);
        setResults(byId(event.run.results));
        setRunning(false);
        es.close();
        const detail: CheckRunDoneDetail = { stageId, runId: event.run.id };
        window.dispatchEvent(new CustomEvent(CHECK_RUN_DONE, { detail }));
      }
    };
    es.onerror = () => {
      // The browser reconnects by itself; if the run is gone, stop spinning.
      if (es.readyState === EventSource.CLOSED) setRunning(false);
    };
  }

  // A run already going when the page loaded (another tab, a reload): follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the run that was running at load only.
  useEffect(() => {
    if (latest?.status === 'running') follow(latest.id);
    return () => source.current?.close();
  }, []);

  // The steps' table of contents and the inline check markers follow these results without a reload.
  useEffect(() => {
    announceCheckResults({
      stageId,
      results: Object.values(results).map(({ id, status }) => ({ id, status })),
      running,
    });
  }, [stageId, results, running]);

  async function start() {
    // The stack card on the same page shows the lab stack's status: while it changes, checks read the old state.
    const stackStatus = document.querySelector('[data-stack-status]')?.getAttribute('data-stack-status') ?? '';
    if (stackStatus.endsWith('_IN_PROGRESS') && !window.confirm(t('checks.stackBusy'))) return;
    setNotice(null);
    setRunning(true);
    setResults({});
    const res = await runStageChecks({ stageId });
    if (!res.ok) {
      setRunning(false);
      setResults(byId(run?.results ?? []));
      setNotice(
        res.error === 'cooldown'
          ? t('checks.cooldown', { s: res.retryAfterS ?? 10 })
          : res.error === 'busy'
            ? t('checks.busy')
            : res.error === 'locked'
              ? t('checks.locked')
              : res.message,
      );
      return;
    }
    follow(res.runId);
  }

  const required = checks.filter((c) => c.severity === 'required');
  const done = Object.keys(results).length;
  const remaining = required.filter((c) => results[c.id]?.status !== 'pass').length;
  const finished = run && run.status !== 'running' && !running;
  // The browser's zone and language, after mounting (the server's would not match: hydration error #418).
  const lastRunAt = useLocalTime(run?.finishedAt ?? null, locale);

  return (
    <section className="rounded-xl border border-slate-200 p-4 dark:border-slate-700" data-check-panel>
      <h2 id="checks-title" className="text-lg font-semibold">
        {t('stage.checks')}
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('stage.checksLead')}</p>
      <p className="mt-2 text-xs text-slate-500">{t('checks.account', { account })}</p>
      <button
        type="button"
        onClick={start}
        disabled={running}
        aria-describedby="checks-status"
        className="mt-3 inline-flex w-full items-center justify-center gap-2 rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-wait disabled:opacity-70"
      >
        {running && (
          <span
            aria-hidden="true"
            className="h-4 w-4 animate-spin rounded-full border-2 border-white border-t-transparent"
          />
        )}
        {running ? t('checks.running') : t('checks.run')}
      </button>
      <div id="checks-status" role="status" aria-live="polite" className="mt-3 text-sm">
        {running && (
          <div>
            <p>{t('checks.progress', { done, total: checks.length })}</p>
            <progress className="mt-1 h-1.5 w-full" max={checks.length} value={done} />
          </div>
        )}
        {notice && <p className="text-amber-700 dark:text-amber-300">{notice}</p>}
        {finished && run.error && (
          <p className="text-red-700 dark:text-red-300">{t('checks.runFailed', { reason: run.error[locale] })}</p>
        )}
        {finished && !run.error && (
          <p data-run-outcome={run.allRequiredPassed ? 'passed' : 'not-passed'} className="font-medium">
            {run.allRequiredPassed
              ? next
                ? t('checks.allPassed', { n: next.number })
                : t('checks.lastStagePassed')
              : t('checks.remaining', { n: remaining })}
          </p>
        )}
        {finished && run.allRequiredPassed && next && (
          <a href={next.href} className="mt-2 inline-block font-semibold text-brand-700 underline dark:text-brand-100">
            {t('checks.continue', { n: next.number })} →
          </a>
        )}
        {finished && (
          <p className="mt-1 text-xs text-slate-500">
            {t('checks.lastRun', { when: lastRunAt })} · {t('checks.apiCalls', { n: run.apiCalls, ms: run.ms ?? 0 })}
          </p>
        )}
        {!run && !running && <p className="text-slate-500">{t('checks.never')}</p>}
      </div>
      <ul className="mt-4 space-y-3">
        {checks.map((c) => (
          <CheckRow key={c.id} check={c} result={results[c.id]} running={running} locale={locale} />
        ))}
      </ul>
    </section>
  );
}

function byId(results: PanelResult[]): Record<string, PanelResult> {
  return Object.fromEntries(results.map((r) => [r.id, r]));
}
