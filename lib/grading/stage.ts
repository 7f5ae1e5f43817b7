import { allChecks, type CheckDefinition } from '@/checkers';
import { getLab } from '@/lib/labs/registry';
import { type StageId, stageIds } from '@/lib/labs/types';

/** `03`, `3`, `03-scale` or `03-scale-out` → `03-scale-out`; undefined when nothing, or more than one, matches. */
export function resolveStage(input: string): StageId | undefined {
  const wanted = input.trim().toLowerCase();
  if (!wanted) return undefined;
  const exact = stageIds.find((id) => id === wanted);
  if (exact) return exact;
  const prefix = /^\d{1,2}$/.test(wanted) ? `${wanted.padStart(2, '0')}-` : wanted;
  const matches = stageIds.filter((id) => id.startsWith(prefix));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The checks a stage grades, in the lab's order, and the ids its lab lists that no check implements yet. */
export function stageChecks(stage: StageId): { checks: CheckDefinition[]; notImplemented: string[] } {
  const ids = getLab(stage).checks;
  const checks = ids.flatMap((id) => allChecks.filter((c) => c.id === id));
  return { checks, notImplemented: ids.filter((id) => !allChecks.some((c) => c.id === id)) };
}
