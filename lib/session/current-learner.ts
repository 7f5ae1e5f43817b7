import { cookies } from 'next/headers';
import { LEARNER_COOKIE, verifyLearnerToken } from '@/lib/identity';
import { getStore } from '@/lib/progress';

/**
 * The learner behind this request, created in the store on first sight. The proxy mints the signed cookie;
 * a missing or tampered cookie means no learner (pages then show the journey as a fresh visitor would).
 */
export async function currentLearnerId(): Promise<string | null> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value;
  if (!token) return null;
  const id = await verifyLearnerToken(token);
  if (!id) return null;
  const store = await getStore();
  await store.ensureLearner(id);
  return id;
}
