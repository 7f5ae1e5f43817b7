'use server';

import { broadcastFor } from '@/lib/events/broadcast';
import { currentLearnerId } from '@/lib/session/current-learner';

export type BroadcastView = { eventName: string; message: string; at: string } | null;

/** The message the learner's instructor is showing the room now (the banner asks again every half minute). */
export async function currentBroadcastAction(): Promise<BroadcastView> {
  const { notice } = await broadcastFor(await currentLearnerId());
  return notice ? { eventName: notice.eventName, message: notice.message, at: notice.at.toISOString() } : null;
}
