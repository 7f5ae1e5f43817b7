'use server';

import { cookies } from 'next/headers';
import { broadcastFor } from '@/lib/events/broadcast';
import { LEARNER_COOKIE, verifyLearnerToken } from '@/lib/identity';

export type BroadcastView = { eventName: string; message: string; at: string } | null;

/**
 * The message the learner's instructor is showing the room now (the banner asks again every half minute). It reads
 * the signed cookie only: asking is not activity, so it does not touch the learner's "last seen".
 */
export async function currentBroadcastAction(): Promise<BroadcastView> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  const learnerId = token ? await verifyLearnerToken(token) : null;
  const { notice } = await broadcastFor(learnerId ?? null);
  return notice ? { eventName: notice.eventName, message: notice.message, at: notice.at.toISOString() } : null;
}
