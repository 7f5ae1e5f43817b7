import 'server-only';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export interface BroadcastNotice {
  eventName: string;
  message: string;
  at: Date;
}

/** The message the instructor of the learner's event is showing the room, if any (null: no event, no message). */
export async function broadcastFor(learnerId: string): Promise<BroadcastNotice | null> {
  const event = await (await getInstructorStore()).latestEventOf(learnerId);
  if (!event?.broadcastMessage || !event.broadcastAt) return null;
  return { eventName: event.name, message: event.broadcastMessage, at: event.broadcastAt };
}
