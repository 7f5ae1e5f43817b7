import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import { limits } from '@/lib/security/limits';
import { newInstructor } from './input';
import { DEFAULT_COST, hashPassword, type ScryptCost, verifyPassword } from './password';

export { InstructorExistsError } from '@/lib/progress/instructor-store';

/**
 * Create an instructor (the CLI, or the first-run setup page with `firstOnly`, which refuses once one exists).
 * Throws a ZodError on a bad email or a short password, InstructorExistsError on a taken email or closed setup.
 */
export async function createInstructor(
  store: InstructorStore,
  raw: { email: string; password: string },
  options: { firstOnly?: boolean; cost?: ScryptCost } = {},
): Promise<InstructorIdentity> {
  const input = newInstructor.parse(raw);
  const hash = () => hashPassword(input.password, options.cost ?? DEFAULT_COST);
  // The first-run page is open to the web: its hash waits for a slot like a sign-in's (the CLI's does not).
  const passwordHash = options.firstOnly ? await limits().hashing.run(hash) : await hash();
  return store.createInstructor({ email: input.email, passwordHash }, { onlyIfNone: options.firstOnly });
}

/** First-run setup is open only while no instructor exists. */
export async function setupIsOpen(store: InstructorStore): Promise<boolean> {
  return (await store.instructorCount()) === 0;
}

// Verified against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** The instructor with these credentials, or null. Never says which of email or password was wrong. */
export async function authenticate(
  store: InstructorStore,
  email: string,
  password: string,
): Promise<InstructorIdentity | null> {
  const row = await store.instructorByEmail(email.trim().toLowerCase());
  // At most a few hashes at once (each holds scrypt's 128 MiB); BusyError when too many wait.
  return limits().hashing.run(async () => {
    if (!row) {
      dummyHash ??= hashPassword('not-a-password-of-anyone');
      await verifyPassword(password, await dummyHash);
      return null;
    }
    return (await verifyPassword(password, row.passwordHash)) ? { id: row.id, email: row.email } : null;
  });
}
