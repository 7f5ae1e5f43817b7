'use client';

import { useMemo, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { lineDiff } from '@/lib/stacks/line-diff';
import { DiffView } from './diff-view';

/**
 * The stage's templates beside the editor: download what the stage launches, and open the reference solution —
 * read-only, or as a diff from the learner's draft — where the lab says to copy from it. Fetched only when asked
 * for, so the lab page does not carry the solution.
 */
export function SolutionPanel({ locale, stageId, draft }: { locale: Locale; stageId: string; draft: string }) {
  const t = translator(locale);
  const [solution, setSolution] = useState<string | null>(null);
  const [view, setView] = useState<'closed' | 'solution' | 'diff'>('closed');
  const [failed, setFailed] = useState(false);
  const diff = useMemo(() => (solution && view === 'diff' ? lineDiff(draft, solution) : []), [draft, solution, view]);
  const base = `/api/templates/${stageId}`;

  async function open(next: 'solution' | 'diff') {
    if (view === next) return setView('closed');
    if (solution === null) {
      const res = await fetch(`${base}?file=solution`).catch(() => null);
      if (!res?.ok) return setFailed(true);
      setSolution(await res.text());
    }
    setFailed(false);
    setView(next);
  }

  const button = 'rounded-lg border border-slate-300 px-3 py-1.5 text-sm dark:border-slate-600';
  return (
    <div className="mt-2" data-solution-panel>
      <div className="flex flex-wrap items-center gap-2">
        <a href={`${base}?file=start&download=1`} download className={`${button} no-underline`}>
          {t('editor.downloadStart')}
        </a>
        <button type="button" className={button} aria-expanded={view === 'solution'} onClick={() => open('solution')}>
          {view === 'solution' ? t('editor.hideSolution') : t('editor.showSolution')}
        </button>
        <button type="button" className={button} aria-expanded={view === 'diff'} onClick={() => open('diff')}>
          {view === 'diff' ? t('editor.hideSolutionDiff') : t('editor.showSolutionDiff')}
        </button>
        {failed && <span className="text-sm text-red-700 dark:text-red-300">{t('editor.solutionFailed')}</span>}
      </div>
      {view === 'solution' && solution !== null && (
        <figure className="mt-2">
          <figcaption className="text-xs text-slate-500">{t('editor.solutionLabel')}</figcaption>
          <pre className="max-h-96 overflow-auto rounded-lg bg-slate-50 p-2 text-xs dark:bg-slate-900" data-solution>
            {solution}
          </pre>
        </figure>
      )}
      {view === 'diff' && (
        <DiffView lines={diff} empty={t('editor.sameAsSolution')} label={t('editor.solutionDiffLabel')} />
      )}
    </div>
  );
}
