/** Where a lab step stands for the learner, judged by the checks linked to it (each check names its step). */
export type StepState = 'done' | 'failing' | 'todo' | 'none';

export type CheckStatus = 'pass' | 'fail' | 'error' | 'skipped';

/**
 * A step is `done` when every check linked to it passed in the learner's latest run, `failing` when one of them
 * failed (or could not be judged: an error), `todo` when they have not all run and passed yet, and `none` when no
 * check is linked to it (the step is reading or an optional path).
 */
export function stepState(checkIds: readonly string[], results: Readonly<Record<string, CheckStatus>>): StepState {
  if (checkIds.length === 0) return 'none';
  const statuses = checkIds.map((id) => results[id]);
  if (statuses.some((s) => s === 'fail' || s === 'error')) return 'failing';
  if (statuses.every((s) => s === 'pass')) return 'done';
  return 'todo';
}

/** Each step's linked checks, from the checks' `step` fields, in the lab's order. */
export function checksByStep(checks: readonly { id: string; step?: string | null }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of checks) {
    if (c.step) out[c.step] = [...(out[c.step] ?? []), c.id];
  }
  return out;
}

/** The step the reader is in: the last one whose top has scrolled above the reading line (or the first). */
export function currentStep(tops: readonly { id: string; top: number }[], line: number): string | undefined {
  let current = tops[0]?.id;
  for (const s of tops) if (s.top <= line) current = s.id;
  return current;
}
