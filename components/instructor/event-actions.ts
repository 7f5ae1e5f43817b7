'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createEvent, remindCleanup } from '@/lib/events/events';
import { type BroadcastResult, broadcastToEvent, closeEvent, editEvent } from '@/lib/events/manage';
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

/** Save the edit-event form (same rules as a new event), then go back to its roster. */
export async function editEventAction(
  locale: unknown,
  eventId: unknown,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const lang = z.enum(locales).parse(locale);
  const id = z.uuid().safeParse(eventId);
  const instructor = await currentInstructor();
  if (!instructor) redirect(`/${lang}/instructor/login`);
  if (!id.success) return { error: 'instructor.error.invalid' };
  try {
    const saved = await editEvent(await getInstructorStore(), instructor, id.data, newEventFromForm(form));
    if (!saved) return { error: 'instructor.error.invalid' };
  } catch (err) {
    if (err instanceof z.ZodError) {
      const key = err.issues.map((i) => i.message).find(isMessageKey);
      return { error: key ?? 'instructor.error.invalid' };
    }
    throw err;
  }
  redirect(`/${lang}/instructor/events/${id.data}`);
}

export type CloseResult = { ok: true; endsAt: string | null } | { ok: false };

/** End the event now: nobody can join it any more. */
export async function closeEventAction(raw: unknown): Promise<CloseResult> {
  const parsed = z.object({ eventId: z.uuid() }).safeParse(raw);
  if (!parsed.success) return { ok: false };
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false };
  const event = await closeEvent(await getInstructorStore(), instructor, parsed.data.eventId);
  return event ? { ok: true, endsAt: event.endsAt } : { ok: false };
}

/** Show a short message to every learner of the event (an empty one takes it down). */
export async function broadcastAction(raw: unknown): Promise<BroadcastResult> {
  const instructor = await currentInstructor();
  if (!instructor) return { ok: false, error: 'not-found' };
  return broadcastToEvent(await getInstructorStore(), instructor, raw);
}
