'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import type { MessageKey } from '@/lib/i18n/messages';
import { createInstructor, InstructorExistsError } from '@/lib/instructors/accounts';
import { attemptLogin } from '@/lib/instructors/guarded-login';
import { credentials } from '@/lib/instructors/input';
import { signIn, signOut } from '@/lib/instructors/session';
import { discardSetupToken, setupTokenMatches } from '@/lib/instructors/setup-token';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { currentClient } from '@/lib/security/current-request';
import { limits } from '@/lib/security/limits';
import { BusyError } from '@/lib/security/rate-limit';

// Server actions are POST-only and Next rejects a cross-origin Origin; the session cookie is SameSite=Strict too.

export type FormState = { error?: MessageKey; seconds?: number };

const waitState = (error: MessageKey, ms: number): FormState => ({ error, seconds: Math.max(1, Math.ceil(ms / 1000)) });

const localeInput = z.enum(locales);

/** First-run setup: creates the first instructor only while none exists, then signs them in. */
export async function setupInstructor(locale: unknown, _prev: FormState, form: FormData): Promise<FormState> {
  const lang = localeInput.parse(locale);
  // From this machine, or with the one-time token `npm start` printed; never on the word of a header.
  const client = await currentClient();
  if (!client.fromLoopback) {
    const wait = limits().setup.check(client.address);
    if (!wait.ok) return waitState('instructor.error.tooMany', wait.retryAfterMs);
    if (!(await setupTokenMatches(String(form.get('setupToken') ?? '').slice(0, 200)))) {
      limits().setup.fail(client.address);
      return { error: 'instructor.error.setupToken' };
    }
  }
  let id: string;
  try {
    const raw = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    ({ id } = await createInstructor(await getInstructorStore(), raw, { firstOnly: true }));
    await discardSetupToken();
  } catch (err) {
    if (err instanceof InstructorExistsError) return { error: 'instructor.error.setupClosed' };
    if (err instanceof BusyError) return waitState('instructor.error.busy', 2000);
    if (err instanceof z.ZodError) {
      const short = err.issues.some((i) => i.message === 'password-too-short');
      return { error: short ? 'instructor.error.passwordTooShort' : 'instructor.error.invalid' };
    }
    throw err;
  }
  await signIn(id);
  redirect(`/${lang}/instructor`);
}

export async function loginInstructor(locale: unknown, _prev: FormState, form: FormData): Promise<FormState> {
  const lang = localeInput.parse(locale);
  const parsed = credentials.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return { error: 'instructor.login.failed' };
  const { address } = await currentClient();
  const attempt = await attemptLogin(await getInstructorStore(), parsed.data, address);
  if (!attempt.ok) {
    if (attempt.reason === 'failed') return { error: 'instructor.login.failed' };
    return waitState(
      attempt.reason === 'busy' ? 'instructor.error.busy' : 'instructor.error.tooMany',
      attempt.retryAfterMs,
    );
  }
  await signIn(attempt.instructor.id);
  redirect(`/${lang}/instructor`);
}

export async function logoutInstructor(locale: unknown): Promise<void> {
  const lang = localeInput.parse(locale);
  await signOut();
  redirect(`/${lang}/instructor/login`);
}
