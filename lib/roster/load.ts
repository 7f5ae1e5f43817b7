import 'server-only';
import { eventForInstructor } from '@/lib/events/events';
import type { InstructorIdentity, InstructorStore } from '@/lib/progress/instructor-store';
import type { RosterData } from './roster';

/**
 * The roster's raw data for an event, only for the instructor who owns it (undefined otherwise: the caller answers
 * 404, so an event id reveals nothing). The authorisation lives here, next to the read.
 */
export async function loadRosterData(
  store: InstructorStore,
  instructor: InstructorIdentity,
  eventId: string,
): Promise<RosterData | undefined> {
  const event = await eventForInstructor(store, instructor, eventId);
  if (!event) return undefined;
  const enrollments = await store.enrollments(event.id);
  const facts = await store.rosterFacts(enrollments.map((e) => e.learnerId));
  return { event, enrollments, facts };
}
