import { z } from 'zod';
import { stageIds } from '@/lib/labs/types';
import { plainDisplayText } from '@/lib/security/display-text';

export const accountModes = ['sandbox', 'role'] as const;
export type AccountMode = (typeof accountModes)[number];

const when = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.date().nullable());

/** An event's settings, as stored in `events.settings` (plus the time window in its own columns). */
export const eventSettings = z
  .object({
    stages: z.array(z.enum(stageIds)).min(1, 'event.error.noStages'),
    accountModes: z.array(z.enum(accountModes)).min(1, 'event.error.noAccountModes'),
    fastForward: z.boolean(),
    quizzesGate: z.boolean(),
    startsAt: when,
    endsAt: when,
  })
  .refine((s) => !s.startsAt || !s.endsAt || s.endsAt > s.startsAt, {
    message: 'event.error.endsBeforeStart',
    path: ['endsAt'],
  });

export const newEventInput = z.object({
  name: z.string().transform(plainDisplayText).pipe(z.string().min(1, 'event.error.name').max(120, 'event.error.name')),
  settings: eventSettings,
});

export type EventSettings = z.infer<typeof eventSettings>;
export type NewEventInput = z.infer<typeof newEventInput>;

/** The stored JSON (without the time window) read back; anything unexpected falls back to the defaults. */
export function storedSettings(raw: unknown): Omit<EventSettings, 'startsAt' | 'endsAt'> {
  const parsed = eventSettings.safeParse({ ...(raw as object), startsAt: null, endsAt: null });
  if (parsed.success) return parsed.data;
  return { stages: [...stageIds], accountModes: ['sandbox'], fastForward: false, quizzesGate: false };
}

/** The new-event form's fields as the settings object zod checks (checkboxes arrive as repeated names or "on"). */
export function newEventFromForm(form: FormData): unknown {
  return {
    name: form.get('name') ?? '',
    settings: {
      stages: form.getAll('stages').map(String),
      accountModes: form.getAll('accountModes').map(String),
      fastForward: form.get('fastForward') === 'on',
      quizzesGate: form.get('quizzesGate') === 'on',
      startsAt: form.get('startsAt') ?? '',
      endsAt: form.get('endsAt') ?? '',
    },
  };
}
