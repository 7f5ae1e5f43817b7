import 'server-only';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export interface BroadcastNotice {
  eventName: string;
  message: string;
  at: Date;
}

/**
 * Whether the learner is in an event (only then can a message reach them), and the message its instructor is showing
 * the room, if any.
 */
export async function broadcastFor(
  learnerId: string | null,
): Promise<{ inEvent: boolean; notice: BroadcastNotice | null }> {
  if (!learnerId) return { inEvent: false, notice: null };
  const event = await (await getInstructorStore()).latestEventOf(learnerId);
  if (!event) return { inEvent: false, notice: null };
  const notice =
    event.broadcastMessage && event.broadcastAt
      ? { eventName: event.name, message: event.broadcastMessage, at: event.broadcastAt }
      : null;
  return { inEvent: true, notice };
}
