import { createHash, randomBytes } from 'node:crypto';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';

/** How long an instructor stays signed in: one long workshop day. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The store keeps only this hash: a leaked database row cannot be used as a cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new session: 32 random bytes in the cookie, their SHA-256 in the store. Returns the token for the cookie. */
export async function startSession(
  store: InstructorStore,
  instructorId: string,
  ttlMs = SESSION_TTL_MS,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await store.createSession({ id: sessionIdOf(token), instructorId, expiresAt });
  return { token, expiresAt };
}

/** The instructor behind a cookie value, or null when it is malformed, unknown or expired. */
export async function instructorForToken(
  store: InstructorStore,
  token: string | undefined | null,
): Promise<InstructorIdentity | null> {
  if (!token || !TOKEN.test(token)) return null;
  return (await store.sessionInstructor(sessionIdOf(token))) ?? null;
}

export async function endSession(store: InstructorStore, token: string | undefined | null): Promise<void> {
  if (token && TOKEN.test(token)) await store.deleteSession(sessionIdOf(token));
}
