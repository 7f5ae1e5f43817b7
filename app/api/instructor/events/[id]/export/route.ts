import { currentInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { rosterCsv, rosterJson } from '@/lib/roster/export';
import { loadRosterData } from '@/lib/roster/load';

export const dynamic = 'force-dynamic';

/** `?format=csv|json`: the event's progress and latest check results, for the instructor who owns the event. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const instructor = await currentInstructor();
  if (!instructor) return new Response('Instructor sign-in required', { status: 401 });
  const format = new URL(request.url).searchParams.get('format') ?? 'csv';
  if (format !== 'csv' && format !== 'json') return new Response('format must be csv or json', { status: 400 });
  const { id } = await params;
  const data = await loadRosterData(await getInstructorStore(), instructor, id);
  if (!data) return new Response('Not found', { status: 404 });
  const file = `scalelab-${data.event.code}-${new Date().toISOString().slice(0, 10)}.${format}`;
  const body = format === 'csv' ? rosterCsv(data) : `${JSON.stringify(rosterJson(data), null, 2)}\n`;
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  });
}
