'use server';

import { cookies } from 'next/headers';
import { broadcastFor } from '@/lib/events/broadcast';
import { LEARNER_COOKIE, verifyLearnerToken } from '@/lib/identity';

export type BroadcastView = { eventName: string; message: string; at: string } | null;

/**
 * What the learner's event tells them now (the banner asks again every half minute): the room's message and how many
 * progress decisions their record carries. It reads the signed cookie only: asking is not activity, so it does not
 * touch the learner's "last seen".
 */
export async function learnerNoticesAction(): Promise<{ broadcast: BroadcastView; overrides: number }> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  const learnerId = token ? await verifyLearnerToken(token) : null;
  const { notice, overrides } = await broadcastFor(learnerId ?? null);
  return {
    broadcast: notice ? { eventName: notice.eventName, message: notice.message, at: notice.at.toISOString() } : null,
    overrides,
  };
}
