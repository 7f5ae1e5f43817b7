'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createEvent, remindCleanup } from '@/lib/events/events';
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

export type RemindResult = { ok: true; remindedAt: string } | { ok: false };

/** Remind the event's learners to delete their lab stacks: a banner on their pages while their stack exists. */
export async function remindCleanupAction(raw: unknown): Promise<RemindResult> {
  const parsed = z.object({ eventId: z.uuid() }).safeParse(raw);
  if (!parsed.success) return { ok: false };
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false };
  const event = await remindCleanup(await getInstructorStore(), instructor, parsed.data.eventId);
  return event?.cleanupRemindedAt ? { ok: true, remindedAt: event.cleanupRemindedAt } : { ok: false };
}
