import 'server-only';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { getStore } from '@/lib/progress';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { currentStack } from '@/lib/stacks/change-sets';

export interface CleanupReminder {
  eventName: string;
  remindedAt: Date;
  stackName: string;
  /** The regions where the lab stack still exists (the lab region first). */
  regions: string[];
}

/**
 * The clean-up reminder a learner should see: their event's instructor asked the room to delete lab stacks, and the
 * learner's lab stack still exists. Null otherwise (no event, no reminder, no stack, or the account cannot be read).
 */
export async function cleanupReminderFor(learnerId: string): Promise<CleanupReminder | null> {
  const event = await (await getInstructorStore()).latestEventOf(learnerId);
  if (!event?.cleanupRemindedAt) return null;
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  const stackName = labStackName(learnerId);
  // Every region of the learner's lab: stage 06's pair leaves a stack in the second region too, and a learner who
  // deleted only the primary still pays for the secondary. A region that cannot be read counts as no stack there.
  const regions = [...new Set(account.regions.length ? account.regions : ['us-east-1'])];
  const found = await Promise.all(
    regions.map(async (region) => {
      try {
        return (await currentStack(clientsForAccount(account, { region }), stackName)) ? region : null;
      } catch {
        return null;
      }
    }),
  );
  const running = found.filter((r): r is string => r !== null);
  if (!running.length) return null;
  return { eventName: event.name, remindedAt: event.cleanupRemindedAt, stackName, regions: running };
}
