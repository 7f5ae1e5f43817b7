import type { Evidence } from '@/checkers';
import type { ResultStatus } from '@/lib/checks/evaluate';
import type { GradingRun } from './types';

/** One check over every graded account. */
export interface CheckTally extends Record<ResultStatus, number> {
  id: string;
  severity: 'required' | 'recommended';
}

/** What the room needs to hear: how many passed, and which checks failed most. */
export interface GradingSummary {
  stage: string;
  accounts: number;
  graded: number;
  mismatch: number;
  error: number;
  /** Graded accounts whose every required check passed. */
  allRequiredPassed: number;
  /** Most-failed first (then most errors), ties in the lab's order. */
  checks: CheckTally[];
  notImplemented: string[];
  ms: number;
  accountsPerSecond: number;
  apiCallsPerAccount: number;
}

export function summarize(run: GradingRun): GradingSummary {
  const graded = run.accounts.filter((a) => a.status === 'graded');
  const tallies = run.checks.map((check) => {
    const tally: CheckTally = { id: check.id, severity: check.severity, pass: 0, fail: 0, error: 0, skipped: 0 };
    for (const account of graded) {
      const result = account.results.find((r) => r.id === check.id);
      if (result) tally[result.status]++;
    }
    return tally;
  });
  const order = new Map(run.checks.map((c, i) => [c.id, i]));
  tallies.sort((a, b) => b.fail - a.fail || b.error - a.error || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const calls = run.accounts.reduce((n, a) => n + a.apiCalls.total, 0);
  return {
    stage: run.stage,
    accounts: run.accounts.length,
    graded: graded.length,
    mismatch: run.accounts.filter((a) => a.status === 'mismatch').length,
    error: run.accounts.filter((a) => a.status === 'error').length,
    allRequiredPassed: graded.filter((a) => a.allRequiredPassed).length,
    checks: tallies,
    notImplemented: run.notImplemented,
    ms: run.ms,
    accountsPerSecond: run.ms > 0 ? run.accounts.length / (run.ms / 1000) : 0,
    apiCallsPerAccount: run.accounts.length ? calls / run.accounts.length : 0,
  };
}

/** `i-0web (AWS::EC2::Instance): State=running, HttpTokens=required; …` */
export function formatEvidence(evidence: readonly Evidence[]): string {
  return evidence
    .map((e) => {
      const values = Object.entries(e.values)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
      return `${e.id} (${e.type})${values ? `: ${values}` : ''}`;
    })
    .join('; ');
}
