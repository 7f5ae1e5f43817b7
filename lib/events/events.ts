import { z } from 'zod';
import type { Locale } from '@/lib/i18n/locales';
import {
  type EventRow,
  type InstructorIdentity,
  type InstructorStore,
  JoinCodeTakenError,
} from '@/lib/progress/instructor-store';
import { plainDisplayText } from '@/lib/security/display-text';
import { newJoinCode, normalizeJoinCode } from './join-code';
import { type EventSettings, newEventInput, storedSettings } from './settings';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What instructor pages show of an event. */
export interface EventSummary {
  id: string;
  name: string;
  code: string;
  settings: Omit<EventSettings, 'startsAt' | 'endsAt'>;
  startsAt: string | null;
  endsAt: string | null;
  /** When the instructor last reminded the room to clean up, if ever. */
  cleanupRemindedAt: string | null;
  /** The message the instructor last broadcast to the room (learners see it as a banner), if any. */
  broadcast: { message: string; at: string } | null;
  learners?: number;
}

export function toEventSummary(row: EventRow & { learners?: number }): EventSummary {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    settings: storedSettings(row.settings),
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    cleanupRemindedAt: row.cleanupRemindedAt?.toISOString() ?? null,
    broadcast:
      row.broadcastMessage && row.broadcastAt
        ? { message: row.broadcastMessage, at: row.broadcastAt.toISOString() }
        : null,
    ...(row.learners === undefined ? {} : { learners: row.learners }),
  };
}

/** The link a learner follows to join (relative: the page prefixes its own origin). */
export function joinPath(locale: Locale, code: string): string {
  return `/${locale}/join?code=${code}`;
}

/** Create an event with a fresh join code. Throws a ZodError on invalid input. */
export async function createEvent(
  store: InstructorStore,
  instructor: InstructorIdentity,
  raw: unknown,
): Promise<EventSummary> {
  const { name, settings } = newEventInput.parse(raw);
  const { startsAt, endsAt, ...rest } = settings;
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await store.createEvent({
        code: newJoinCode(),
        name,
        settings: rest,
        startsAt,
        endsAt,
        createdBy: instructor.id,
      });
      return toEventSummary(row);
    } catch (err) {
      // 29^6 ≈ 600 million codes: a collision is rare, several in a row mean something else is wrong.
      if (!(err instanceof JoinCodeTakenError) || attempt >= 4) throw err;
    }
  }
}

export async function eventsOf(store: InstructorStore, instructor: InstructorIdentity): Promise<EventSummary[]> {
  return (await store.eventsOf(instructor.id)).map(toEventSummary);
}

/** The event, only for the instructor who created it; anything else (other's, unknown, malformed id) is undefined. */
export async function eventForInstructor(
  store: InstructorStore,
  instructor: InstructorIdentity,
  eventId: string,
): Promise<EventRow | undefined> {
  if (!UUID.test(eventId)) return undefined;
  const row = await store.event(eventId);
  return row?.createdBy === instructor.id ? row : undefined;
}

export const joinInput = z.object({
  code: z.string().max(32),
  displayName: z.string().transform(plainDisplayText).pipe(z.string().min(1).max(60)),
});

export type JoinResult =
  | { ok: true; event: EventSummary }
  | { ok: false; error: 'invalid' | 'unknown-code' | 'ended' | 'name' };

/** A learner joins with a code and a display name (no password): their anonymous identity becomes enrolled. */
export async function joinEvent(
  store: InstructorStore,
  learnerId: string,
  raw: unknown,
  now = new Date(),
): Promise<JoinResult> {
  const parsed = joinInput.safeParse(raw);
  if (!parsed.success) {
    const nameIssue = parsed.error.issues.some((i) => i.path[0] === 'displayName');
    return { ok: false, error: nameIssue ? 'name' : 'invalid' };
  }
  const code = normalizeJoinCode(parsed.data.code);
  if (!code) return { ok: false, error: 'invalid' };
  const event = await store.eventByCode(code);
  if (!event) return { ok: false, error: 'unknown-code' };
  if (event.endsAt && event.endsAt < now) return { ok: false, error: 'ended' };
  await store.enroll({ eventId: event.id, learnerId, displayName: parsed.data.displayName });
  return { ok: true, event: toEventSummary(event) };
}

/** The instructor reminds an event's learners to delete their lab stacks; undefined when the event is not theirs. */
export async function remindCleanup(
  store: InstructorStore,
  instructor: InstructorIdentity,
  eventId: string,
  now = new Date(),
): Promise<EventSummary | undefined> {
  const event = await eventForInstructor(store, instructor, eventId);
  if (!event) return undefined;
  const row = await store.remindCleanup(event.id, now);
  return row ? toEventSummary(row) : undefined;
}
