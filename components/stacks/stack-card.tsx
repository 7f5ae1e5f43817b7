'use client';

import { useEffect, useRef, useState } from 'react';
import { useMountedNow } from '@/components/layout/use-mounted-now';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { ChangeSetPreview } from '@/lib/stacks/change-sets';
import { secondsLeft } from '@/lib/stacks/eta';
import type { StackStreamEvent } from '@/lib/stacks/stream';
import { cancelLaunch, deleteLabStack, executeLaunch, listSurvivors, previewLaunch } from './actions';
import { DEPLOY_DRAFT_EVENT, type DraftDetail } from './events';

type Outputs = NonNullable<StackStreamEvent['outputs']>;
type Events = NonNullable<StackStreamEvent['events']>;

interface Props {
  stageId: string;
  stackName: string;
  locale: Locale;
  templateFile: string;
  /** The stack as the page found it; `stage` is the stage whose template it was last deployed from (a stack tag). */
  initial: {
    status: string | null;
    outputs: Outputs;
    createdAt: string | null;
    stage?: string | null;
    operationStartedAt?: string | null;
  };
  /** The stage's estimated hourly cost, and whether this is the (free) sandbox. */
  cost: { hourlyUsd: number; sandbox: boolean };
}

/**
 * The learner's lab stack: launch the stage template through a previewed change set, watch the events stream in
 * with a progress bar, see the outputs, delete it. Works the same on the sandbox and on real AWS.
 */
export function StackCard({ stageId, stackName, locale, templateFile, initial, cost }: Props) {
  const t = translator(locale);
  const [status, setStatus] = useState<string | null>(initial.status);
  const [outputs, setOutputs] = useState<Outputs>(initial.outputs);
  const [createdAt, setCreatedAt] = useState(initial.createdAt);
  const [preview, setPreview] = useState<ChangeSetPreview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'deploy' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ complete: number; total: number; startedAt: number } | null>(null);
  const [events, setEvents] = useState<Events>([]);
  const [rootCause, setRootCause] = useState<StackStreamEvent['rootCause']>();
  const [survivors, setSurvivors] = useState<{ region: string; arns: string[] } | null>(null);
  const source = useRef<EventSource | null>(null);
  // One execute per change set: a second click must not execute it again (AWS: ChangeSetNotFoundException).
  const executing = useRef(false);
  const deployedStage = initial.stage ?? null;
  const stageNo = (id: string) => id.slice(0, 2);
  const laterStage = deployedStage !== null && deployedStage.localeCompare(stageId) > 0 ? deployedStage : null;

  function follow(since: string) {
    source.current?.close();
    setSurvivors(null);
    setProgress(null);
    setEvents([]);
    setRootCause(undefined);
    const es = new EventSource(`/api/stacks/events?since=${encodeURIComponent(since)}`);
    source.current = es;
    es.onmessage = (msg) => {
      const e = JSON.parse(msg.data) as StackStreamEvent;
      if (e.status) setStatus(e.status);
      if (e.events?.length) setEvents((prev) => [...prev, ...(e.events ?? [])]);
      if (e.total !== undefined) {
        const { complete = 0, total } = e;
        setProgress((p) => ({ complete, total, startedAt: p?.startedAt ?? Date.now() }));
      }
      if (e.rootCause) setRootCause(e.rootCause);
      if (e.type === 'done' && e.status === 'DELETE_COMPLETE') {
        void listSurvivors().then((res) => {
          if (res.ok) setSurvivors({ region: res.value.region, arns: res.value.survivors.map((x) => x.arn) });
        });
      }
      if (e.type === 'done' || e.type === 'error') {
        if (e.outputs) setOutputs(e.outputs);
        if (e.message) setError(e.message);
        setBusy(null);
        es.close();
      }
    };
  }

  // A stack already in progress when the page loaded: follow it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the status at load matters.
  useEffect(() => {
    if (initial.status?.endsWith('_IN_PROGRESS')) {
      setBusy('deploy');
      // This operation's events only (a second early, for clock skew), not the previous operation's.
      const began = initial.operationStartedAt
        ? Date.parse(initial.operationStartedAt) - 1000
        : Date.now() - 10 * 60_000;
      follow(new Date(began).toISOString());
    }
    return () => source.current?.close();
  }, []);

  // The template editor asks for a preview of the learner's draft (see components/editor).
  const [origin, setOrigin] = useState<'template' | 'editor'>('template');
  // biome-ignore lint/correctness/useExhaustiveDependencies: onPreview reads the latest state when the event fires.
  useEffect(() => {
    const onDraft = (e: Event) => {
      const detail = (e as CustomEvent<DraftDetail>).detail;
      void onPreview(detail.body, detail.acknowledge);
      document.getElementById('stack-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    };
    window.addEventListener(DEPLOY_DRAFT_EVENT, onDraft);
    return () => window.removeEventListener(DEPLOY_DRAFT_EVENT, onDraft);
  }, []);

  async function onPreview(templateBody?: string, acknowledge: string[] = []) {
    if (
      templateBody === undefined &&
      laterStage &&
      !window.confirm(t('stack.rollbackConfirm', { deployed: stageNo(laterStage), here: stageNo(stageId) }))
    ) {
      return;
    }
    setError(null);
    setBusy('preview');
    setOrigin(templateBody === undefined ? 'template' : 'editor');
    const res = await previewLaunch({ stageId, templateBody, acknowledge });
    setBusy(null);
    if (!res.ok) {
      setError(res.code === 'no-changes' ? t('stack.noChanges') : res.message);
      return;
    }
    setPreview(res.value);
  }

  async function onDeploy() {
    if (!preview || executing.current) return;
    executing.current = true;
    setBusy('deploy');
    setError(null);
    const res = await executeLaunch({ stageId, changeSetId: preview.changeSetId, type: preview.type, source: origin });
    executing.current = false;
    setPreview(null);
    if (!res.ok) {
      setBusy(null);
      setError(res.code === 'change-set-gone' ? t('stack.changeSetGone') : res.message);
      return;
    }
    if (preview.type === 'CREATE') setCreatedAt(new Date().toISOString());
    follow(res.startedAt);
  }

  async function onDelete() {
    if (!window.confirm(t('stack.deleteConfirm', { name: stackName }))) return;
    setBusy('delete');
    setError(null);
    const res = await deleteLabStack({ stageId });
    if (!res.ok) {
      setBusy(null);
      setError(res.message);
      return;
    }
    setOutputs([]);
    follow(res.startedAt);
  }

  // Known after mounting only: the server's "now" would not match the browser's (hydration error #418).
  const now = useMountedNow();
  // The slowest resource still in progress decides (lib/stacks/eta.ts).
  const eta = busy && progress ? secondsLeft(events, Date.now() - progress.startedAt) : undefined;
  const failed = status && /FAILED|ROLLBACK/.test(status);
  const exists = status && status !== 'DELETE_COMPLETE';
  return (
    <section
      aria-labelledby="stack-title"
      className="rounded-xl border border-slate-200 p-4 dark:border-slate-700"
      data-stack-card
    >
      <h2 id="stack-title" className="text-lg font-semibold">
        {t('stack.title')}
      </h2>
      <p className="mt-1 text-xs text-slate-500">
        <code>{stackName}</code> · {t('stack.template', { file: `templates/${stageId}/${templateFile}` })}
      </p>
      <p className="mt-2 text-sm" data-stack-status={status ?? 'NONE'}>
        {exists ? t('stack.status', { status }) : t('stack.none')}
      </p>
      {exists && createdAt && now !== null && status !== 'DELETE_IN_PROGRESS' && (
        <CostMeter createdAt={createdAt} now={now} cost={cost} locale={locale} />
      )}
      {laterStage && !preview && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300" data-later-stage={laterStage}>
          {t('stack.laterStage', { deployed: stageNo(laterStage), here: stageNo(stageId) })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {!preview && (
          <button
            type="button"
            onClick={() => onPreview()}
            disabled={busy !== null}
            className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60"
          >
            {busy === 'preview'
              ? t('stack.previewing')
              : busy === 'deploy'
                ? t('stack.deploying')
                : busy === 'delete'
                  ? t('stack.deleting')
                  : exists
                    ? t('stack.previewStart')
                    : t('stack.preview')}
          </button>
        )}
        {exists && !preview && (
          <button
            type="button"
            onClick={onDelete}
            disabled={busy !== null}
            className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            {t('stack.delete')}
          </button>
        )}
      </div>
      {preview && (
        <div className="mt-3" data-change-set>
          <h3 id="change-set-title" className="text-sm font-semibold">
            {t('stack.previewTitle', { n: preview.changes.length })}
          </h3>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400" data-deploy-source={origin}>
            {origin === 'editor'
              ? t('stack.source.editor')
              : t('stack.source.template', { file: `templates/${stageId}/${templateFile}` })}
          </p>
          {/* A scrolling list is focusable, so keyboard users can scroll it (axe: scrollable-region-focusable). */}
          <ul
            // biome-ignore lint/a11y/noNoninteractiveTabindex: the list scrolls; focus lets the arrow keys scroll it.
            tabIndex={0}
            aria-labelledby="change-set-title"
            className="mt-2 max-h-64 space-y-1 overflow-y-auto text-xs focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {preview.changes.map((c) => (
              <li key={c.logicalId} data-action={c.action} className="flex flex-wrap gap-x-2">
                <span className="font-semibold">{c.action}</span>
                <code>{c.logicalId}</code>
                <span className="text-slate-500">{c.resourceType}</span>
                {c.replacement && c.action === 'Modify' && (
                  <span>{t('stack.replacement', { value: c.replacement })}</span>
                )}
                {c.dataLoss && (
                  <span className="font-semibold text-red-700 dark:text-red-300">⚠ {t('stack.dataLoss')}</span>
                )}
              </li>
            ))}
          </ul>
          <div className="mt-3 flex gap-2">
            <button
              type="button"
              onClick={onDeploy}
              disabled={busy !== null}
              className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {t('stack.deploy')}
            </button>
            <button
              type="button"
              onClick={() => {
                // The change set (and a first launch's REVIEW_IN_PROGRESS stack) goes too, so the next preview works.
                void cancelLaunch({ changeSetId: preview.changeSetId });
                setPreview(null);
              }}
              className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600"
            >
              {t('stack.cancel')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite" className="mt-3 text-sm">
        {busy && progress && progress.total > 0 && (
          <div>
            <p>
              {t('stack.progress', { complete: progress.complete, total: progress.total })}
              {eta !== undefined && (
                <>
                  {' · '}
                  {eta >= 90 ? t('stack.etaMinutes', { m: Math.round(eta / 60) }) : t('stack.eta', { s: eta })}
                </>
              )}
            </p>
            <progress className="mt-1 h-1.5 w-full" max={progress.total} value={progress.complete} />
          </div>
        )}
        {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
        {failed && rootCause && (
          <p className="text-red-700 dark:text-red-300">
            {t('stack.rootCause', {
              resource: rootCause.logicalId,
              type: rootCause.resourceType,
              reason: rootCause.reason,
            })}
          </p>
        )}
      </div>
      {survivors && (
        <div className="mt-3 text-sm" data-survivors={survivors.arns.length}>
          {survivors.arns.length === 0 ? (
            <p className="text-emerald-800 dark:text-emerald-300">
              {t('stack.survivorsNone', { region: survivors.region })}
            </p>
          ) : (
            <>
              <p className="font-medium text-amber-800 dark:text-amber-300">
                {t('stack.survivors', { n: survivors.arns.length, region: survivors.region })}
              </p>
              <ul className="mt-1 space-y-0.5 font-mono text-xs break-all">
                {survivors.arns.map((arn) => (
                  <li key={arn}>{arn}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {outputs.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-semibold">{t('stack.outputs')}</h3>
          <dl className="mt-1 space-y-1 text-xs">
            {outputs.map((o) => (
              <div key={o.key} className="break-all">
                <dt className="inline font-medium">{o.key}: </dt>
                <dd className="inline font-mono">
                  {/^https?:\/\//.test(o.value) ? (
                    <a href={o.value} target="_blank" rel="noreferrer" className="underline">
                      {o.value}
                    </a>
                  ) : (
                    o.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {events.length > 0 && (
        <details className="mt-3" open={busy !== null}>
          <summary className="cursor-pointer text-sm font-semibold">{t('stack.events')}</summary>
          <ol className="mt-1 max-h-56 space-y-0.5 overflow-y-auto font-mono text-xs" data-stack-events>
            {events.map((e) => (
              <li key={e.id} className={/FAILED/.test(e.status) ? 'text-red-700 dark:text-red-300' : ''}>
                {e.logicalId} {e.status}
                {e.reason ? ` — ${e.reason}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** How long the lab stack has been up and what that has cost; a reminder after a few hours. */
function CostMeter({
  createdAt,
  now,
  cost,
  locale,
}: {
  createdAt: string;
  now: number;
  cost: Props['cost'];
  locale: Locale;
}) {
  const t = translator(locale);
  const minutes = Math.max(0, Math.round((now - Date.parse(createdAt)) / 60_000));
  const time = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  const spent = ((minutes / 60) * cost.hourlyUsd).toFixed(2);
  return (
    <div className="mt-2 text-xs text-slate-600 dark:text-slate-400" data-cost-meter>
      <p>
        {cost.sandbox
          ? t('stack.uptimeSandbox', { time })
          : t('stack.uptime', { time, cost: spent, rate: cost.hourlyUsd.toFixed(3) })}
      </p>
      {!cost.sandbox && minutes >= 180 && (
        <p role="alert" className="mt-1 font-medium text-amber-800 dark:text-amber-300">
          {t('stack.reminder')}
        </p>
      )}
    </div>
  );
}
