import 'server-only';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export interface BroadcastNotice {
  eventName: string;
  message: string;
  at: Date;
}

export interface LearnerNotices {
  /** Only a learner in an event can be sent a message or have an instructor change their progress. */
  inEvent: boolean;
  /** The message the event's instructor is showing the room, if any. */
  notice: BroadcastNotice | null;
  /** How many unlock / reset / complete decisions the learner's progress carries: a change means a page is stale. */
  overrides: number;
}

/** What the learner's event tells them now: the room's message, and whether their progress was changed for them. */
export async function broadcastFor(learnerId: string | null): Promise<LearnerNotices> {
  if (!learnerId) return { inEvent: false, notice: null, overrides: 0 };
  const instructors = await getInstructorStore();
  const event = await instructors.latestEventOf(learnerId);
  if (!event) return { inEvent: false, notice: null, overrides: 0 };
  const notice =
    event.broadcastMessage && event.broadcastAt
      ? { eventName: event.name, message: event.broadcastMessage, at: event.broadcastAt }
      : null;
  return { inEvent: true, notice, overrides: await instructors.overrideCount(learnerId) };
}
