'use client';

import { useEffect, useState } from 'react';
import type { CheckStatus } from '@/lib/journey/step-states';
import { onCheckResults } from './check-events';

const mark: Record<CheckStatus | 'not-run', string> = {
  pass: '✓',
  fail: '✗',
  error: '!',
  skipped: '–',
  'not-run': '☐',
};

/**
 * A check named inside a step, with the learner's latest result for it; it follows the check panel's runs live
 * (a new run clears it until this check's result arrives).
 */
export function InlineCheck({
  stageId,
  id,
  title,
  initial,
  statusLabels,
}: {
  stageId: string;
  id: string;
  title: string | null;
  initial: CheckStatus | null;
  statusLabels: Record<CheckStatus, string>;
}) {
  const [status, setStatus] = useState<CheckStatus | null>(initial);
  useEffect(
    () => onCheckResults(stageId, (d) => setStatus(d.results.find((r) => r.id === id)?.status ?? null)),
    [stageId, id],
  );
  return (
    <a
      href="#checks-title"
      data-inline-check={id}
      data-state={status ?? 'not-run'}
      className="not-prose inline-flex items-center gap-1 rounded-md border border-slate-300 px-2 py-0.5 text-xs no-underline! dark:border-slate-600"
    >
      <span aria-hidden="true">{mark[status ?? 'not-run']}</span> <code>{id}</code>
      {title ? ` — ${title}` : ''}
      {status ? ` (${statusLabels[status]})` : ''}
    </a>
  );
}
