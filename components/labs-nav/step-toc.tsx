'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { type CheckStatus, currentStep, type StepState, stepState } from '@/lib/journey/step-states';
import { onCheckResults } from './check-events';
import { saveLastStep } from './last-step';

export interface TocLabels {
  title: string;
  progress: string;
  open: string;
  close: string;
  current: string;
  states: Record<StepState, string>;
}

interface Props {
  stageId: string;
  steps: { id: string; title: string }[];
  /** Each step's linked check ids. */
  checks: Record<string, string[]>;
  /** The latest run's results (since the stage's last reset), by check id. */
  initial: Record<string, CheckStatus>;
  labels: TocLabels;
}

const mark: Record<StepState, string> = { done: '✓', failing: '✗', todo: '○', none: '·' };
const tone: Record<StepState, string> = {
  done: 'text-emerald-700 dark:text-emerald-300',
  failing: 'text-red-700 dark:text-red-300',
  todo: 'text-slate-500',
  none: 'text-slate-400',
};

/**
 * The lab's steps with each step's state (from the checks linked to it), the step being read highlighted as the
 * page scrolls (IntersectionObserver), results updated live from the check panel. From 1024 px it sits at the top
 * of the sticky side column; below, a button at the bottom of the screen opens it as a sheet (Esc closes it).
 * The step being read is remembered in this browser, for "Resume" on the journey page.
 */
export function StepToc({ stageId, steps, checks, initial, labels }: Props) {
  const sheetId = useId();
  const [results, setResults] = useState(initial);
  const [current, setCurrent] = useState<string | undefined>(steps[0]?.id);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(
    () => onCheckResults(stageId, (d) => setResults(Object.fromEntries(d.results.map((r) => [r.id, r.status])))),
    [stageId],
  );

  useEffect(() => {
    const elements = steps.flatMap((s) => {
      const el = document.getElementById(s.id);
      return el ? [el] : [];
    });
    if (elements.length === 0) return;
    const update = () => {
      const line = window.innerHeight * 0.3;
      setCurrent(
        currentStep(
          elements.map((el) => ({ id: el.id, top: el.getBoundingClientRect().top })),
          line,
        ),
      );
    };
    // Fires whenever a step crosses the reading line (30 % from the top); then the positions decide.
    const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px', threshold: [0, 1] });
    for (const el of elements) observer.observe(el);
    update();
    return () => observer.disconnect();
  }, [steps]);

  useEffect(() => {
    const step = steps.find((s) => s.id === current);
    if (!step) return;
    const timer = setTimeout(
      () => saveLastStep({ stageId, stepId: step.id, stepTitle: step.title, at: Date.now() }),
      800,
    );
    return () => clearTimeout(timer);
  }, [current, stageId, steps]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const states = useMemo(
    () =>
      Object.fromEntries(steps.map((s) => [s.id, stepState(checks[s.id] ?? [], results)])) as Record<string, StepState>,
    [steps, checks, results],
  );
  const judged = steps.filter((s) => states[s.id] !== 'none');
  const done = judged.filter((s) => states[s.id] === 'done').length;
  const progress = labels.progress.replace('{done}', String(done)).replace('{total}', String(judged.length));
  const currentTitle = steps.find((s) => s.id === current)?.title ?? '';

  return (
    <nav aria-label={labels.title} data-step-toc data-current-step={current ?? ''}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={sheetId}
        onClick={() => setOpen((o) => !o)}
        className="fixed bottom-4 left-4 z-40 max-w-[calc(100vw-13rem)] truncate rounded-full border border-slate-300 bg-white px-4 py-2 text-sm font-medium shadow-lg focus-visible:outline-2 focus-visible:outline-brand-600 lg:hidden dark:border-slate-600 dark:bg-slate-900"
        data-toc-toggle
      >
        {open ? labels.close : labels.open.replace('{current}', currentTitle)}
      </button>
      <div
        id={sheetId}
        className={`${open ? 'block' : 'hidden'} fixed inset-x-0 bottom-0 z-30 max-h-[70vh] overflow-y-auto rounded-t-2xl border-t border-slate-200 bg-white p-4 pb-20 shadow-2xl lg:static lg:z-auto lg:block lg:max-h-none lg:overflow-visible lg:rounded-xl lg:border lg:p-4 lg:pb-4 lg:shadow-none dark:border-slate-700 dark:bg-slate-950`}
        data-toc-sheet={open ? 'open' : 'closed'}
      >
        <h2 className="text-sm font-semibold">{labels.title}</h2>
        {judged.length > 0 && <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{progress}</p>}
        <ol className="mt-2 space-y-0.5 text-sm">
          {steps.map((s, i) => {
            const state = states[s.id] ?? 'none';
            const here = s.id === current;
            return (
              <li key={s.id} data-step-link={s.id} data-step-state={state} data-current={here ? 'true' : undefined}>
                <a
                  href={`#${s.id}`}
                  aria-current={here ? 'location' : undefined}
                  onClick={() => setOpen(false)}
                  className={`flex items-start gap-2 rounded-md px-2 py-1 no-underline hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 dark:hover:bg-slate-800 ${
                    here ? 'bg-brand-50 font-semibold text-brand-900 dark:bg-brand-900/40 dark:text-brand-100' : ''
                  }`}
                >
                  <span aria-hidden="true" className={`w-4 shrink-0 text-center ${tone[state]}`}>
                    {mark[state]}
                  </span>
                  <span className="min-w-0">
                    <span className="tabular-nums text-slate-600 dark:text-slate-400">{i + 1}.</span> {s.title}
                    <span className="sr-only">
                      {' '}
                      ({labels.states[state]}
                      {here ? `, ${labels.current}` : ''})
                    </span>
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      </div>
    </nav>
  );
}
