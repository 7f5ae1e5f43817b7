import { z } from 'zod';
import { DrillRefusedError, startDrill } from '@/lib/gameday/start-drill';
import { drillIds } from '@/lib/gameday/types';
import { stageIds } from '@/lib/labs/types';
import { currentLearnerId } from '@/lib/session/current-learner';

export const dynamic = 'force-dynamic';

const input = z.object({ stageId: z.enum(stageIds), drill: z.enum(drillIds), confirm: z.literal(true) });

/**
 * Run a game-day drill for the current learner and stream it as NDJSON (one message a line: start, a tick per
 * simulated second with its events, done with the verdict). The body must confirm the drill explicitly.
 */
export async function POST(request: Request) {
  const learnerId = await currentLearnerId();
  if (!learnerId)
    return Response.json(
      { error: { en: 'No learner session. Reload the page.', ko: '학습자 세션이 없습니다. 페이지를 새로 고치세요.' } },
      { status: 401 },
    );
  const parsed = input.safeParse(await request.json().catch(() => null));
  if (!parsed.success)
    return Response.json(
      { error: { en: 'Choose a drill and confirm it.', ko: '훈련을 고르고 확인하세요.' } },
      { status: 400 },
    );
  let messages: AsyncGenerator<unknown>;
  try {
    messages = await startDrill(learnerId, parsed.data.stageId, parsed.data.drill, request.signal);
  } catch (err) {
    if (err instanceof DrillRefusedError) return Response.json({ error: err.reason }, { status: err.status });
    console.error('could not start a drill:', (err as Error).message);
    return Response.json(
      { error: { en: 'The drill could not start. Try again.', ko: '훈련을 시작할 수 없습니다. 다시 시도하세요.' } },
      { status: 500 },
    );
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await messages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await messages.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/x-ndjson; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
