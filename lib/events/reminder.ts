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
  try {
    const clients = clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1' });
    if (!(await currentStack(clients, stackName))) return null;
  } catch {
    return null;
  }
  return { eventName: event.name, remindedAt: event.cleanupRemindedAt, stackName };
}
