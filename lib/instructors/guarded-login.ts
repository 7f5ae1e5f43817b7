import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import { limits } from '@/lib/security/limits';
import { BusyError } from '@/lib/security/rate-limit';
import { authenticate } from './accounts';

export type LoginAttempt =
  | { ok: true; instructor: InstructorIdentity }
  | { ok: false; reason: 'failed' }
  | { ok: false; reason: 'wait' | 'busy'; retryAfterMs: number };

/**
 * Sign-in with growing delays per email and per client address: a refused attempt is answered before any password
 * is hashed, and at most a few hashes run at once (limits().hashing), so guessing is slow and costs the server little.
 */
export async function attemptLogin(
  store: InstructorStore,
  credentials: { email: string; password: string },
  address: string,
): Promise<LoginAttempt> {
  const l = limits();
  const email = credentials.email.trim().toLowerCase();
  const byEmail = l.loginByEmail.check(email);
  const byAddress = l.loginByAddress.check(address);
  if (!byEmail.ok || !byAddress.ok) {
    return { ok: false, reason: 'wait', retryAfterMs: Math.max(byEmail.retryAfterMs, byAddress.retryAfterMs) };
  }
  let instructor: InstructorIdentity | null;
  try {
    instructor = await authenticate(store, email, credentials.password);
  } catch (err) {
    if (err instanceof BusyError) return { ok: false, reason: 'busy', retryAfterMs: 2000 };
    throw err;
  }
  if (!instructor) {
    l.loginByEmail.fail(email);
    l.loginByAddress.fail(address);
    return { ok: false, reason: 'failed' };
  }
  // Only the email's count is cleared: signing in to one's own account must not reset an address's failures.
  l.loginByEmail.succeed(email);
  return { ok: true, instructor };
}
