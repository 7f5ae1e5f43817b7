import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Locale } from '@/lib/i18n/locales';
import { getInstructorStore, type InstructorIdentity } from '@/lib/progress/instructor-store';
import { endSession, instructorForToken, SESSION_TTL_MS, startSession } from './session-token';

/** The instructor's cookie: an opaque random token, httpOnly and SameSite=Strict (no cross-site request carries it). */
export const INSTRUCTOR_COOKIE = 'scalelab_instructor';

const cookieOptions = {
  httpOnly: true,
  sameSite: 'strict' as const,
  secure: (process.env.SCALELAB_PUBLIC_URL ?? '').startsWith('https:'),
  path: '/',
};

/** The signed-in instructor of this request and their session token (long-lived streams re-check it), or null. */
export async function currentInstructorSession(): Promise<{ instructor: InstructorIdentity; token: string } | null> {
  const token = (await cookies()).get(INSTRUCTOR_COOKIE)?.value;
  if (!token) return null;
  const instructor = await instructorForToken(await getInstructorStore(), token);
  return instructor ? { instructor, token } : null;
}

/** The signed-in instructor of this request, or null. */
export async function currentInstructor(): Promise<InstructorIdentity | null> {
  return (await currentInstructorSession())?.instructor ?? null;
}

/** For instructor pages: the instructor, or a redirect to the sign-in page. */
export async function requireInstructor(locale: Locale): Promise<InstructorIdentity> {
  const instructor = await currentInstructor();
  if (!instructor) redirect(`/${locale}/instructor/login`);
  return instructor;
}

/** Start a session and set its cookie (server actions only: they are POST requests whose Origin Next checks). */
export async function signIn(instructorId: string): Promise<void> {
  const { token } = await startSession(await getInstructorStore(), instructorId);
  (await cookies()).set(INSTRUCTOR_COOKIE, token, { ...cookieOptions, maxAge: SESSION_TTL_MS / 1000 });
}

export async function signOut(): Promise<void> {
  const jar = await cookies();
  await endSession(await getInstructorStore(), jar.get(INSTRUCTOR_COOKIE)?.value);
  jar.delete({ name: INSTRUCTOR_COOKIE, path: '/' });
}
