'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { readLastStep } from '@/components/labs-nav/last-step';
import { pickResume, type ResumeTarget } from '@/lib/journey/pick-resume';

interface Props {
  locale: string;
  /** The store's last stage worked on (latest check run or stack operation). */
  server: { stageId: string; at: number } | null;
  /** Every stage the learner can open now, with how the card names it. */
  stages: Record<string, { label: string }>;
  labels: { title: string; step: string; go: string };
}

/**
 * "Resume where you left off": the stage last worked on (from the store) or, when newer or the same stage, the step
 * last read in this browser (localStorage). The first render uses the store only, so the server and the browser
 * render the same; the remembered step is added after mounting.
 */
export function ResumeCard({ locale, server, stages, labels }: Props) {
  const open = (id: string) => id in stages;
  const [target, setTarget] = useState<ResumeTarget | null>(() => pickResume(server, null, open));
  // biome-ignore lint/correctness/useExhaustiveDependencies: read the browser's memory once, after mounting.
  useEffect(() => {
    setTarget(pickResume(server, readLastStep(), open));
  }, []);
  if (!target) return null;
  const href = `/${locale}/labs/${target.stageId}${target.stepId ? `#${target.stepId}` : ''}`;
  return (
    <section
      aria-labelledby="resume-title"
      className="mt-6 rounded-xl border border-brand-600 bg-brand-50 p-4 dark:bg-brand-900/30"
      data-resume={target.stageId}
      data-resume-step={target.stepId ?? ''}
    >
      <h2 id="resume-title" className="text-sm font-semibold">
        {labels.title}
      </h2>
      <p className="mt-1 text-sm">{stages[target.stageId]?.label}</p>
      {target.stepTitle && (
        <p className="text-sm text-slate-700 dark:text-slate-300">{labels.step.replace('{step}', target.stepTitle)}</p>
      )}
      <Link
        href={href}
        className="mt-3 inline-block rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        {labels.go} →
      </Link>
    </section>
  );
}
