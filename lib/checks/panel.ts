import type { Localized } from '@/lib/i18n/locales';
import type { CheckRunRow } from '@/lib/progress';

/** What the browser gets of a check result: no AWS objects, only what the panel shows. */
export interface PanelResult {
  id: string;
  status: 'pass' | 'fail' | 'error' | 'skipped';
  message: Localized;
  evidence: { id: string; type: string; values: Record<string, string | number | boolean | null> }[];
}

export interface PanelCheck {
  id: string;
  severity: 'required' | 'recommended';
  title: Localized | null;
  why: Localized | null;
  hint: Localized | null;
  step: string | null;
  /** The step's title in the page's language, when the lab names it. */
  stepTitle?: string;
  remediation: { template?: string; console?: Localized; cli?: string } | null;
}

export interface PanelRun {
  id: string;
  status: 'running' | 'finished' | 'failed';
  results: PanelResult[];
  allRequiredPassed: boolean;
  /** Why the run itself failed (not a check), in both languages. */
  error: Localized | null;
  finishedAt: string | null;
  apiCalls: number;
  ms: number | null;
}

/** The window event the check panel sends when a run is done; the live diagram redraws itself on it. */
export const CHECK_RUN_DONE = 'scalelab:check-run-done';
export interface CheckRunDoneDetail {
  stageId: string;
  runId: string;
}

/** Server-sent events of /api/check-runs/[id]/events. */
export type RunEvent = { type: 'result'; result: PanelResult } | { type: 'done'; run: PanelRun };

/** A stored run as the panel may see it: results and counts, never the account's raw API data. */
export function toPanelRun(row: CheckRunRow): PanelRun {
  return {
    id: row.id,
    status: row.status,
    results: (row.results as PanelResult[]).map(({ id, status, message, evidence }) => ({
      id,
      status,
      message,
      evidence,
    })),
    allRequiredPassed: row.allRequiredPassed,
    error: row.error ? { en: row.error, ko: row.errorKo ?? row.error } : null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    apiCalls: (row.apiCalls as unknown[]).length,
    ms: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
  };
}
