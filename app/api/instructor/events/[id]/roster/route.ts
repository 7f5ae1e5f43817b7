import { currentInstructorSession } from '@/lib/instructors/session';
import { getStore } from '@/lib/progress';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { loadRosterData } from '@/lib/roster/load';
import { rosterStream } from '@/lib/roster/stream';

export const dynamic = 'force-dynamic';

/** The live roster of one of the signed-in instructor's events (SSE). Anyone else: 401, or 404 for another's event. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await currentInstructorSession();
  if (!session) return new Response('Instructor sign-in required', { status: 401 });
  const { id } = await params;
  const instructors = await getInstructorStore();
  const first = await loadRosterData(instructors, session.instructor, id);
  if (!first) return new Response('Not found', { status: 404 });
  const stream = rosterStream({
    store: await getStore(),
    instructors,
    token: session.token,
    eventId: first.event.id,
    first,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
}
