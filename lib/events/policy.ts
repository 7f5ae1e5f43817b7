import 'server-only';
import { getInstructorStore, type InstructorStore } from '@/lib/progress/instructor-store';
import { type EventPolicy, policyFromStore } from './policy-rules';

export type { AccountKind, EventPolicy } from './policy-rules';
export { accountKindAllowed, policyOfEvent, unlockPolicy } from './policy-rules';

/**
 * What the learner's event enforces (stages enabled, account modes allowed, fast-forward, quizzes gating), from the
 * event they joined last; null when they joined none (self-paced: no limits). Pages and actions call this; code that
 * holds a store rather than a request (lib/checks) uses `policyFromStore`.
 */
export async function eventPolicyFor(learnerId: string, instructors?: InstructorStore): Promise<EventPolicy | null> {
  return policyFromStore(instructors ?? (await getInstructorStore()), learnerId);
}
