import type { CheckStatus } from '@/lib/journey/step-states';

/**
 * The check panel tells the rest of the lab page (the steps' table of contents, the inline check markers) about its
 * results as they stream in, through one window event: no reload, and the listeners stay small client leaves.
 */
export const CHECK_RESULTS_EVENT = 'scalelab:check-results';

export interface CheckResultsDetail {
  stageId: string;
  /** Every result known now (an empty list while a new run starts). */
  results: { id: string; status: CheckStatus }[];
  running: boolean;
}

export function announceCheckResults(detail: CheckResultsDetail): void {
  window.dispatchEvent(new CustomEvent<CheckResultsDetail>(CHECK_RESULTS_EVENT, { detail }));
}

/** Listen for this stage's results; returns the function that stops listening. */
export function onCheckResults(stageId: string, listener: (detail: CheckResultsDetail) => void): () => void {
  const handler = (e: Event) => {
    const detail = (e as CustomEvent<CheckResultsDetail>).detail;
    if (detail?.stageId === stageId) listener(detail);
  };
  window.addEventListener(CHECK_RESULTS_EVENT, handler);
  return () => window.removeEventListener(CHECK_RESULTS_EVENT, handler);
}
