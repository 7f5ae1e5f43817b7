import { z } from 'zod';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import { plainDisplayText } from '@/lib/security/display-text';
import { type EventSummary, eventForInstructor, toEventSummary } from './events';
import { newEventInput } from './settings';

/**
 * Change an event's name, settings and time window (the same rules as a new event; the join code stays). Throws a
 * ZodError on invalid input; undefined when the event is not the instructor's.
 */
export async function editEvent(
  store: InstructorStore,
  instructor: InstructorIdentity,
  eventId: string,
  raw: unknown,
): Promise<EventSummary | undefined> {
  const { name, settings } = newEventInput.parse(raw);
  const event = await eventForInstructor(store, instructor, eventId);
  if (!event) return undefined;
  const { startsAt, endsAt, ...rest } = settings;
  const row = await store.updateEvent(event.id, { name, settings: rest, startsAt, endsAt });
  return row ? toEventSummary(row) : undefined;
}

/**
 * Close an event: it ends now (no one can join any more; the roster and exports stay). An event that has already
 * ended keeps its end. A start after now moves to now, so the window stays valid.
 */
export async function closeEvent(
  store: InstructorStore,
  instructor: InstructorIdentity,
  eventId: string,
  now = new Date(),
): Promise<EventSummary | undefined> {
  const event = await eventForInstructor(store, instructor, eventId);
  if (!event) return undefined;
  if (event.endsAt && event.endsAt <= now) return toEventSummary(event);
  const startsAt = event.startsAt && event.startsAt > now ? now : event.startsAt;
  const row = await store.updateEvent(event.id, { endsAt: now, startsAt });
  return row ? toEventSummary(row) : undefined;
}

/** Whether an event has ended (closed or past its end). */
export function eventEnded(event: Pick<EventSummary, 'endsAt'>, now = Date.now()): boolean {
  return event.endsAt !== null && Date.parse(event.endsAt) <= now;
}

export const BROADCAST_MAX = 280;

export const broadcastInput = z.object({
  eventId: z.uuid(),
  message: z.string().transform(plainDisplayText).pipe(z.string().max(BROADCAST_MAX)),
});

export type BroadcastResult =
  | { ok: true; broadcast: EventSummary['broadcast'] }
  | { ok: false; error: 'invalid' | 'not-found' };

/**
 * Send a short message to the room: every learner of the event sees it as a banner on their journey and lab pages
 * (one line, invisible characters removed, up to 280 characters). An empty message takes the banner down.
 */
export async function broadcastToEvent(
  store: InstructorStore,
  instructor: InstructorIdentity,
  raw: unknown,
  now = new Date(),
): Promise<BroadcastResult> {
  const parsed = broadcastInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const event = await eventForInstructor(store, instructor, parsed.data.eventId);
  if (!event) return { ok: false, error: 'not-found' };
  const message = parsed.data.message || null;
  const row = await store.updateEvent(event.id, { broadcastMessage: message, broadcastAt: message ? now : null });
  return row ? { ok: true, broadcast: toEventSummary(row).broadcast } : { ok: false, error: 'not-found' };
}
