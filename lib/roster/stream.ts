import 'server-only';
import { instructorForToken } from '@/lib/instructors/session-token';
import type { Store } from '@/lib/progress';
import type { InstructorStore } from '@/lib/progress/instructor-store';
import { loadRosterData } from './load';
import { buildRoster, type RosterData } from './roster';

export interface RosterStreamOptions {
  store: Store;
  instructors: InstructorStore;
  /** The instructor's session token: re-checked on every update, so signing out ends the stream. */
  token: string;
  eventId: string;
  first: RosterData;
  signal: AbortSignal;
  /** Updates arriving within this window are sent as one roster (a room running checks at once). */
  debounceMs?: number;
}

/**
 * The roster as Server-Sent Events: the whole roster now, then again whenever a learner of the event makes progress
 * or someone joins (LISTEN/NOTIFY, so any server sharing the database can serve it).
 */
export function rosterStream(options: RosterStreamOptions): ReadableStream<Uint8Array> {
  const { store, instructors, token, eventId, signal, debounceMs = 250 } = options;
  const encoder = new TextEncoder();
  let enrolled = new Set(options.first.enrollments.map((e) => e.learnerId));
  let cleanup = async () => {};

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let chain = Promise.resolve();
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const send = (data: RosterData) => {
        enrolled = new Set(data.enrollments.map((e) => e.learnerId));
        write(`data: ${JSON.stringify(buildRoster(data))}\n\n`);
      };
      const close = async () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        await cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      const refresh = () => {
        chain = chain.then(async () => {
          if (closed) return;
          const instructor = await instructorForToken(instructors, token);
          const data = instructor ? await loadRosterData(instructors, instructor, eventId) : undefined;
          if (!data) return close();
          send(data);
        });
        chain = chain.catch((err) => console.error('roster stream refresh failed:', (err as Error).message));
      };
      const schedule = () => {
        if (closed || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          refresh();
        }, debounceMs);
      };
      const unsubscribeProgress = await store.subscribe((e) => {
        if (enrolled.has(e.learnerId)) schedule();
      });
      const unsubscribeJoins = await instructors.subscribeEnrollments((j) => {
        if (j.eventId === eventId) schedule();
      });
      const heartbeat = setInterval(() => write(': keep-alive\n\n'), 15_000);
      cleanup = async () => {
        clearInterval(heartbeat);
        await Promise.all([unsubscribeProgress(), unsubscribeJoins()]);
      };
      signal.addEventListener('abort', () => void close());
      send(options.first);
    },
    async cancel() {
      await cleanup();
    },
  });
}
