import { allChecks } from '@/checkers';
import type { PanelCheck } from '@/lib/checks/panel';
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

/** The checks as the live panel needs them (with hint and remediation), in the lab's order. */
export function panelChecks(lab: LabMeta, stepTitles: Record<string, string> = {}): PanelCheck[] {
  return lab.checks.flatMap((id) => {
    const def = allChecks.find((c) => c.id === id);
    if (!def) return [];
    return [
      {
        id,
        severity: def.severity,
        title: def.title,
        why: def.why,
        hint: def.hint,
        step: def.step,
        stepTitle: def.step ? stepTitles[def.step] : undefined,
        remediation: def.remediation,
      },
    ];
  });
}

/** Every check of the lab is implemented: the panel can run them. */
export function checksRunnable(lab: LabMeta): boolean {
  return lab.checks.every((id) => allChecks.some((c) => c.id === id));
}
