import type { CheckDefinition, Evidence } from '@/checkers/define';
import { explainAwsError } from '@/lib/aws/errors';
import type { Localized } from '@/lib/i18n/locales';
import type { Inventory } from '@/lib/inventory';

export type ResultStatus = 'pass' | 'fail' | 'skipped' | 'error';

/** One check's result as stored with the run and shown in the panel. */
export interface CheckResult {
  id: string;
  severity: 'required' | 'recommended';
  status: ResultStatus;
  message: Localized;
  evidence: Evidence[];
  ms: number;
  /** For `error`: which IAM action was denied, when known. */
  action?: string;
}

/**
 * Run checks over one Inventory, all in parallel: they share its memoized describes, so the run costs one call per
 * API. A thrown error becomes `error` with a plain reason; it is never a `fail`.
 */
export async function evaluateChecks(
  checks: readonly CheckDefinition[],
  inventory: Inventory,
  options: { onResult?: (result: CheckResult) => void } = {},
): Promise<CheckResult[]> {
  // Everything the checks will read starts now, in parallel: the run costs the depth of the deepest read.
  inventory.prefetch(['stack', ...checks.flatMap((c) => c.reads ?? [])]);
  return Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      let result: CheckResult;
      try {
        const outcome = await check.run(inventory);
        result = { id: check.id, severity: check.severity, ...outcome, ms: performance.now() - started };
      } catch (err) {
        const plain = explainAwsError(err);
        result = {
          id: check.id,
          severity: check.severity,
          status: 'error',
          message: plain.reason,
          evidence: [],
          ms: performance.now() - started,
          ...(plain.action ? { action: plain.action } : {}),
        };
      }
      options.onResult?.(result);
      return result;
    }),
  );
}

/** The unlock condition of a run: every required check passed. An `error` or `skipped` required check blocks it. */
export function allRequiredPassed(results: readonly CheckResult[]): boolean {
  return results.filter((r) => r.severity === 'required').every((r) => r.status === 'pass');
}
