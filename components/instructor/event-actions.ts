'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createEvent } from '@/lib/events/events';
import { newEventFromForm } from '@/lib/events/settings';
import { locales } from '@/lib/i18n/locales';
import { type MessageKey, messages } from '@/lib/i18n/messages';
import { currentInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import type { FormState } from './auth-actions';

const isMessageKey = (s: string): s is MessageKey => s in messages.en;

/** Create an event from the new-event form (zod-validated in lib/events), then open its roster. */
export async function createEventAction(locale: unknown, _prev: FormState, form: FormData): Promise<FormState> {
  const lang = z.enum(locales).parse(locale);
  const instructor = await currentInstructor();
  if (!instructor) redirect(`/${lang}/instructor/login`);
  let id: string;
  try {
    ({ id } = await createEvent(await getInstructorStore(), instructor, newEventFromForm(form)));
  } catch (err) {
    if (err instanceof z.ZodError) {
      const key = err.issues.map((i) => i.message).find(isMessageKey);
      return { error: key ?? 'instructor.error.invalid' };
    }
    throw err;
  }
  redirect(`/${lang}/instructor/events/${id}`);
}
