import { allChecks } from '@/checkers';
import type { Localized } from '@/lib/i18n/locales';
import type { LabMeta } from './types';

/** What the stage page shows of a check before it runs: serializable, no logic. */
export interface CheckSummary {
  id: string;
  severity: 'required' | 'recommended';
  title?: Localized;
  why?: Localized;
  step?: string;
  /** false: listed in STAGES.md for this stage, not implemented yet (coming-soon stages). */
  implemented: boolean;
}

export function checkSummaries(lab: LabMeta): CheckSummary[] {
  return lab.checks.map((id) => {
    const def = allChecks.find((c) => c.id === id);
    if (!def) return { id, severity: 'required', implemented: false };
    return { id, severity: def.severity, title: def.title, why: def.why, step: def.step, implemented: true };
  });
}
