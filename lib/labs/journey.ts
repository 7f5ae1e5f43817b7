import { getStore } from '@/lib/progress';
import { labs } from './registry';
import type { LabMeta, StageId } from './types';

export type StageStatus = 'locked' | 'unlocked' | 'completed';

export interface JourneyStage {
  lab: LabMeta;
  status: StageStatus;
}

/** The seven stages with this learner's status. No learner (no cookie yet) sees a fresh journey. */
export async function journeyFor(learnerId: string | null): Promise<JourneyStage[]> {
  const statuses: Partial<Record<StageId, StageStatus>> = learnerId
    ? await (await getStore()).stageStatuses(learnerId)
    : {};
  return labs.map((lab, i) => ({ lab, status: statuses[lab.id] ?? (i === 0 ? 'unlocked' : 'locked') }));
}
