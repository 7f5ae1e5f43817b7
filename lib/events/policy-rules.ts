import { getLab } from '@/lib/labs/registry';
import { type StageId, stageIds } from '@/lib/labs/types';
import type { EventRow, InstructorStore } from '@/lib/progress/instructor-store';
import type { UnlockPolicy } from '@/lib/progress/unlock';
import { type AccountMode, storedSettings } from './settings';

/** What an event's settings mean for one enrolled learner (lib/events/policy.ts looks it up). */
export interface EventPolicy {
  eventId: string;
  stagesEnabled: StageId[];
  accountModes: AccountMode[];
  fastForward: boolean;
  quizzesGate: boolean;
}

/** Every account kind a learner may connect; an event allows some of them. */
export type AccountKind = 'sandbox' | 'profile' | 'role';

/** The policy of an event (its stored settings read back through zod); null without an event. */
export function policyOfEvent(event: EventRow | null | undefined): EventPolicy | null {
  if (!event) return null;
  const settings = storedSettings(event.settings);
  return {
    eventId: event.id,
    stagesEnabled: stageIds.filter((s) => settings.stages.includes(s)),
    accountModes: settings.accountModes,
    fastForward: settings.fastForward,
    quizzesGate: settings.quizzesGate,
  };
}

/** The learner's latest event's policy, read through an instructor store; null when they joined none. */
export async function policyFromStore(instructors: InstructorStore, learnerId: string): Promise<EventPolicy | null> {
  return policyOfEvent(await instructors.latestEventOf(learnerId));
}

/** What the policy adds to the unlock rule: the stages enabled and, when quizzes gate, every stage's questions. */
export function unlockPolicy(policy: EventPolicy | null): UnlockPolicy {
  if (!policy) return {};
  if (!policy.quizzesGate) return { stagesEnabled: policy.stagesEnabled };
  const quizQuestions = Object.fromEntries(stageIds.map((s) => [s, getLab(s).quiz.map((q) => q.id)]));
  return { stagesEnabled: policy.stagesEnabled, quizQuestions };
}

/** Whether a learner under this policy may connect an account of this kind (no event: any kind). */
export function accountKindAllowed(policy: EventPolicy | null, kind: AccountKind): boolean {
  return !policy || (policy.accountModes as readonly string[]).includes(kind);
}
