'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import type { MessageKey } from '@/lib/i18n/messages';
import { authenticate, createInstructor, InstructorExistsError } from '@/lib/instructors/accounts';
import { credentials } from '@/lib/instructors/input';
import { signIn, signOut } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';

// Server actions are POST-only and Next rejects a cross-origin Origin; the session cookie is SameSite=Strict too.

export type FormState = { error?: MessageKey };

const localeInput = z.enum(locales);

/** First-run setup: creates the first instructor only while none exists, then signs them in. */
export async function setupInstructor(locale: unknown, _prev: FormState, form: FormData): Promise<FormState> {
  const lang = localeInput.parse(locale);
  let id: string;
  try {
    const raw = { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') };
    ({ id } = await createInstructor(await getInstructorStore(), raw, { firstOnly: true }));
  } catch (err) {
    if (err instanceof InstructorExistsError) return { error: 'instructor.error.setupClosed' };
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
  const instructor = await authenticate(await getInstructorStore(), parsed.data.email, parsed.data.password);
  if (!instructor) return { error: 'instructor.login.failed' };
  await signIn(instructor.id);
  redirect(`/${lang}/instructor`);
}

export async function logoutInstructor(locale: unknown): Promise<void> {
  const lang = localeInput.parse(locale);
  await signOut();
  redirect(`/${lang}/instructor/login`);
}
