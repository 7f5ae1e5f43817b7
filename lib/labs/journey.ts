import { eventPolicyFor, unlockPolicy } from '@/lib/events/policy';
import { getStore } from '@/lib/progress';
import { labs } from './registry';
import type { LabMeta, StageId } from './types';

export type StageStatus = 'locked' | 'unlocked' | 'completed';

export interface JourneyStage {
  lab: LabMeta;
  status: StageStatus;
  /** Why a locked stage is locked, when it is not the usual "finish the stage before": the event leaves it out. */
  reason?: 'not-in-event';
}

/** The seven stages with this learner's status. No learner (no cookie yet) sees a fresh journey. */
export async function journeyFor(learnerId: string | null): Promise<JourneyStage[]> {
  const policy = learnerId ? await eventPolicyFor(learnerId) : null;
  const statuses: Partial<Record<StageId, StageStatus>> = learnerId
    ? await (await getStore()).stageStatuses(learnerId, unlockPolicy(policy))
    : {};
  return labs.map((lab, i) => ({
    lab,
    status: statuses[lab.id] ?? (i === 0 ? 'unlocked' : 'locked'),
    ...(policy && !policy.stagesEnabled.includes(lab.id) ? { reason: 'not-in-event' as const } : {}),
  }));
}
