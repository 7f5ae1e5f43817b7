'use client';

import { useEffect, useRef, useState } from 'react';
import { useMountedNow } from '@/components/layout/use-mounted-now';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { ChangeSetPreview } from '@/lib/stacks/change-sets';
import { secondsLeft } from '@/lib/stacks/eta';
import type { StackStreamEvent } from '@/lib/stacks/stream';
import { cancelLaunch, deleteLabStack, executeLaunch, listSurvivors, previewLaunch } from './actions';
import { CostMeter, type MeteredStack } from './cost-meter';
import { CostWarningNote } from './cost-warning';
import { DEPLOY_DRAFT_EVENT, type DraftDetail } from './events';
import { PairFields, type PairProps } from './pair-fields';
import { type RegionSurvivors, SurvivorsList } from './survivors-list';

type Outputs = NonNullable<StackStreamEvent['outputs']>;
/** Events as the card lists them: a pair's carry the region they happened in. */
type Events = (NonNullable<StackStreamEvent['events']>[number] & { region?: string })[];

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
  /** The stage's estimated hourly cost, and whether this is the (free) sandbox; a pair's secondary's share of it. */
  cost: { hourlyUsd: number; sandbox: boolean; secondaryHourlyUsd?: number };
  /** Stage 06: the lab stack is a pair of regions (components/stacks/pair-fields.tsx). */
  pair?: PairProps;
}

type Target = 'primary' | 'secondary';
type Preview = ChangeSetPreview & { region?: string; target?: Target; secondaryUnchanged?: boolean };
/** A stack operation's error codes the card words itself, in the learner's language (lib/i18n/messages-regions.ts). */
const WORDED = ['second-region-same', 'second-region-unavailable', 'second-region-invalid', 'secondary-missing'];
const exists = (status: string | null) => Boolean(status && status !== 'DELETE_COMPLETE');

/**
 * The learner's lab stack: launch the stage template through a previewed change set, watch the events stream in
 * with a progress bar, see the outputs, delete it. Works the same on the sandbox and on real AWS.
 */
export function StackCard({ stageId, stackName, locale, templateFile, initial, cost, pair }: Props) {
  const t = translator(locale);
  const [status, setStatus] = useState<string | null>(initial.status);
  const [outputs, setOutputs] = useState<Outputs>(initial.outputs);
  const [createdAt, setCreatedAt] = useState(initial.createdAt);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'preview' | 'deploy' | 'delete' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ complete: number; total: number; startedAt: number } | null>(null);
  const [events, setEvents] = useState<Events>([]);
  const [rootCause, setRootCause] = useState<StackStreamEvent['rootCause']>();
  const [survivors, setSurvivors] = useState<RegionSurvivors[] | null>(null);
  // Stage 06's pair: the secondary stack, the chosen second region, the learner's hosted zone, and a note on the step.
  const [secondary, setSecondary] = useState(pair?.secondary ?? null);
  const [secondRegion, setSecondRegion] = useState(pair?.secondRegion ?? '');
  const [hostedZoneId, setHostedZoneId] = useState('');
  const [note, setNote] = useState<string | null>(null);
  // The template (and lab rules acknowledged) of the launch under way, for the primary's change set after the secondary.
  const launch = useRef<{ templateBody?: string; acknowledge: string[] }>({ acknowledge: [] });
  const source = useRef<EventSource | null>(null);
  const primaryRegion = pair?.primaryRegion ?? '';
  const pairInput = (target: Target) => ({
    secondRegion,
    target,
    ...(hostedZoneId.trim() ? { hostedZoneId: hostedZoneId.trim() } : {}),
  });
  const explain = (code: string, message: string) =>
    WORDED.includes(code)
      ? t(`stack.error.${code}` as Parameters<typeof t>[0], { region: secondRegion, primary: primaryRegion })
      : message;
  // One execute per change set: a second click must not execute it again (AWS: ChangeSetNotFoundException).
  const executing = useRef(false);
  const deployedStage = initial.stage ?? null;
  const stageNo = (id: string) => id.slice(0, 2);
  const laterStage = deployedStage !== null && deployedStage.localeCompare(stageId) > 0 ? deployedStage : null;

  interface FollowOptions {
    /** The region of the stack to follow (a pair's second region); the lab region when absent. */
    region?: string;
    /** The pair's secondary: its deletion begins once the primary is gone. */
    awaitDelete?: boolean;
    keepEvents?: boolean;
    onDone?: (status: string | undefined) => void;
  }

  function follow(since: string, options: FollowOptions = {}) {
    source.current?.close();
    setSurvivors(null);
    setProgress(null);
    if (!options.keepEvents) setEvents([]);
    setRootCause(undefined);
    const inSecond = Boolean(pair && options.region && options.region !== primaryRegion);
    const query = new URLSearchParams({ since });
    if (inSecond && options.region) query.set('region', options.region);
    if (options.awaitDelete) query.set('await', 'delete');
    const es = new EventSource(`/api/stacks/events?${query}`);
    source.current = es;
    const setStackStatus = (value: string) =>
      inSecond ? setSecondary((s) => (s ? { ...s, status: value } : s)) : setStatus(value);
    es.onmessage = (msg) => {
      const e = JSON.parse(msg.data) as StackStreamEvent;
      if (e.status) setStackStatus(e.status);
      if (e.events?.length) {
        const tagged = (e.events ?? []).map((x) =>
          pair ? { ...x, id: `${options.region}:${x.id}`, region: options.region } : x,
        );
        setEvents((prev) => [...prev, ...tagged]);
      }
      if (e.total !== undefined) {
        const { complete = 0, total } = e;
        setProgress((p) => ({ complete, total, startedAt: p?.startedAt ?? Date.now() }));
      }
      if (e.rootCause) setRootCause(e.rootCause);
      if (e.type === 'done' || e.type === 'error') {
        if (e.outputs) {
          const outs = e.outputs;
          if (inSecond) setSecondary((s) => (s ? { ...s, outputs: outs } : s));
          else setOutputs(outs);
        }
        if (e.message) setError(e.message);
        setBusy(null);
        es.close();
        if (e.type === 'done') options.onDone?.(e.status);
      }
    };
  }

  function showSurvivors() {
    void listSurvivors(pair ? { secondRegion } : {}).then((res) => {
      if (res.ok)
        setSurvivors(res.value.regions.map((r) => ({ region: r.region, arns: r.survivors.map((x) => x.arn) })));
    });
  }

  // A stack already in progress when the page loaded: follow it (the pair's secondary too).
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the status at load matters.
  useEffect(() => {
    const running = (s: { status: string | null; operationStartedAt?: string | null } | undefined | null) =>
      s?.status?.endsWith('_IN_PROGRESS') ? s : undefined;
    const busyOne = running(initial) ?? running(pair?.secondary);
    if (busyOne) {
      setBusy('deploy');
      // This operation's events only (a second early, for clock skew), not the previous operation's.
      const began = busyOne.operationStartedAt
        ? Date.parse(busyOne.operationStartedAt) - 1000
        : Date.now() - 10 * 60_000;
      follow(new Date(began).toISOString(), running(initial) ? {} : { region: pair?.secondRegion });
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

  /** Preview a launch: a pair starts with the secondary; `primary` comes next, once the secondary is deployed. */
  async function onPreview(templateBody?: string, acknowledge: string[] = [], target: Target = 'secondary') {
    if (
      templateBody === undefined &&
      target === 'secondary' &&
      laterStage &&
      !window.confirm(t('stack.rollbackConfirm', { deployed: stageNo(laterStage), here: stageNo(stageId) }))
    ) {
      return;
    }
    setError(null);
    setBusy('preview');
    setOrigin(templateBody === undefined ? 'template' : 'editor');
    launch.current = { templateBody, acknowledge };
    const res = await previewLaunch({
      stageId,
      templateBody,
      acknowledge,
      ...(pair ? { pair: pairInput(target) } : {}),
    });
    setBusy(null);
    if (!res.ok) {
      setError(res.code === 'no-changes' ? t('stack.noChanges') : explain(res.code, res.message));
      return;
    }
    if (pair && !res.value.target) setNote(t('stack.pair.single', { region: primaryRegion }));
    else if (res.value.secondaryUnchanged) setNote(t('stack.pair.secondaryUnchanged', { region: secondRegion }));
    else if (target === 'secondary') setNote(null);
    setPreview(res.value);
  }

  async function onDeploy() {
    if (!preview || executing.current) return;
    const current = preview;
    executing.current = true;
    setBusy('deploy');
    setError(null);
    const res = await executeLaunch({
      stageId,
      changeSetId: current.changeSetId,
      type: current.type,
      source: origin,
      ...(current.target ? { pair: pairInput(current.target) } : {}),
    });
    executing.current = false;
    setPreview(null);
    if (!res.ok) {
      setBusy(null);
      setError(res.code === 'change-set-gone' ? t('stack.changeSetGone') : explain(res.code, res.message));
      return;
    }
    const inSecond = current.target === 'secondary';
    if (current.type === 'CREATE') {
      const now = new Date().toISOString();
      if (inSecond) setSecondary((s) => ({ status: s?.status ?? null, outputs: s?.outputs ?? [], createdAt: now }));
      else setCreatedAt(now);
    }
    if (inSecond) setSecondary((s) => ({ outputs: [], createdAt: null, ...s, status: `${current.type}_IN_PROGRESS` }));
    follow(res.startedAt, {
      ...(current.region ? { region: current.region } : {}),
      onDone: (final) => {
        // The secondary is up: the primary's change set comes next, given its outputs.
        if (!inSecond || !final || !/^(CREATE|UPDATE)_COMPLETE$/.test(final)) return;
        setNote(t('stack.pair.nextPrimary', { region: primaryRegion }));
        void onPreview(launch.current.templateBody, launch.current.acknowledge, 'primary');
      },
    });
  }

  async function onDelete() {
    const question = pair
      ? t('stack.pair.deleteConfirm', { name: stackName, primary: primaryRegion, second: secondRegion })
      : t('stack.deleteConfirm', { name: stackName });
    if (!window.confirm(question)) return;
    setBusy('delete');
    setError(null);
    const res = await deleteLabStack({ stageId, ...(pair ? { secondRegion } : {}) });
    if (!res.ok) {
      setBusy(null);
      setError(explain(res.code, res.message));
      return;
    }
    const [first, next] = res.value.regions;
    const clear = (region: string | undefined) =>
      pair && region !== primaryRegion ? setSecondary((s) => (s ? { ...s, outputs: [] } : s)) : setOutputs([]);
    clear(first);
    setNote(next ? t('stack.pair.deleteNext', { region: next }) : null);
    follow(res.startedAt, {
      ...(pair && first ? { region: first } : {}),
      onDone: (final) => {
        if (final !== 'DELETE_COMPLETE') return;
        if (!next) return showSurvivors();
        // The primary is gone; the server deletes the secondary now (primary first: it depends on the secondary).
        setBusy('delete');
        clear(next);
        follow(res.startedAt, {
          region: next,
          awaitDelete: true,
          keepEvents: true,
          onDone: (then) => {
            setNote(null);
            if (then === 'DELETE_COMPLETE') showSurvivors();
          },
        });
      },
    });
  }

  // Known after mounting only: the server's "now" would not match the browser's (hydration error #418).
  const now = useMountedNow();
  // The slowest resource still in progress decides (lib/stacks/eta.ts).
  const eta = busy && progress ? secondsLeft(events, Date.now() - progress.startedAt) : undefined;
  const failed = [status, secondary?.status].some((s) => s && /FAILED|ROLLBACK/.test(s));
  const anyExists = exists(status) || exists(secondary?.status ?? null);
  const secondaryShare = pair ? (cost.secondaryHourlyUsd ?? 0) : 0;
  const metered: MeteredStack[] = [
    ...(exists(status) && createdAt && status !== 'DELETE_IN_PROGRESS'
      ? [{ region: primaryRegion, createdAt, hourlyUsd: cost.hourlyUsd - secondaryShare }]
      : []),
    ...(secondary && exists(secondary.status) && secondary.createdAt && secondary.status !== 'DELETE_IN_PROGRESS'
      ? [{ region: secondRegion, createdAt: secondary.createdAt, hourlyUsd: secondaryShare }]
      : []),
  ];
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
        {pair && <span className="font-medium">{t('stack.pair.region.primary', { region: primaryRegion })}: </span>}
        {exists(status) ? t('stack.status', { status: status ?? '' }) : t('stack.none')}
      </p>
      {pair && (
        <p className="mt-1 text-sm" data-secondary-status={secondary?.status ?? 'NONE'}>
          <span className="font-medium">{t('stack.pair.region.secondary', { region: secondRegion })}: </span>
          {exists(secondary?.status ?? null) ? t('stack.status', { status: secondary?.status ?? '' }) : t('stack.none')}
        </p>
      )}
      {metered.length > 0 && now !== null && (
        <CostMeter stacks={metered} now={now} sandbox={cost.sandbox} locale={locale} />
      )}
      {laterStage && !preview && (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300" data-later-stage={laterStage}>
          {t('stack.laterStage', { deployed: stageNo(laterStage), here: stageNo(stageId) })}
        </p>
      )}
      {pair && (
        <PairFields
          pair={pair}
          secondRegion={secondRegion}
          onSecondRegion={setSecondRegion}
          hostedZoneId={hostedZoneId}
          onHostedZoneId={setHostedZoneId}
          fixed={exists(secondary?.status ?? null)}
          disabled={busy !== null || preview !== null}
          t={t}
        />
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
                  : exists(status)
                    ? t('stack.previewStart')
                    : t('stack.preview')}
          </button>
        )}
        {anyExists && !preview && (
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
      {note && (
        <p className="mt-2 text-xs text-slate-700 dark:text-slate-300" data-pair-note>
          {note}
        </p>
      )}
      {preview && (
        <div className="mt-3" data-change-set data-change-set-target={preview.target ?? 'single'}>
          {preview.target && preview.region && (
            <p className="text-xs font-medium" data-change-set-region={preview.region}>
              {t(`stack.pair.changeSetIn.${preview.target}`, { region: preview.region })}
            </p>
          )}
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
          {preview.costWarning && <CostWarningNote warning={preview.costWarning} locale={locale} />}
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
                void cancelLaunch({
                  changeSetId: preview.changeSetId,
                  ...(preview.target ? { pair: pairInput(preview.target) } : {}),
                });
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
      {survivors && <SurvivorsList regions={survivors} t={t} />}
      <OutputList title={pair ? `${t('stack.outputs')} · ${primaryRegion}` : t('stack.outputs')} outputs={outputs} />
      {pair && secondary && (
        <OutputList
          title={`${t('stack.outputs')} · ${secondRegion}`}
          outputs={secondary.outputs}
          region={secondRegion}
        />
      )}
      {events.length > 0 && (
        <details className="mt-3" open={busy !== null}>
          <summary className="cursor-pointer text-sm font-semibold">{t('stack.events')}</summary>
          <ol className="mt-1 max-h-56 space-y-0.5 overflow-y-auto font-mono text-xs" data-stack-events>
            {events.map((e) => (
              <li
                key={e.id}
                data-region={e.region}
                className={/FAILED/.test(e.status) ? 'text-red-700 dark:text-red-300' : ''}
              >
                {e.region ? `[${e.region}] ` : ''}
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

function OutputList({ title, outputs, region }: { title: string; outputs: Outputs; region?: string }) {
  if (outputs.length === 0) return null;
  return (
    <div className="mt-3" data-outputs-region={region}>
      <h3 className="text-sm font-semibold">{title}</h3>
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
  );
}
