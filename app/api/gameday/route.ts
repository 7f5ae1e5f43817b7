import { z } from 'zod';
import {
  currentRealDrill,
  DrillRefusedError,
  followRealDrill,
  startDrill,
  stopRealDrill,
} from '@/lib/gameday/start-drill';
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
  if (!learnerId) return noSession();
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
  return ndjson(messages);
}

const noSession = () =>
  Response.json(
    { error: { en: 'No learner session. Reload the page.', ko: '학습자 세션이 없습니다. 페이지를 새로 고치세요.' } },
    { status: 401 },
  );

function ndjson(messages: AsyncGenerator<unknown>) {
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

/**
 * `GET /api/gameday`: whether the learner's account is a real one and their latest real drill (running or ended);
 * `GET /api/gameday?follow=<job id>`: that drill's messages as NDJSON, from wherever it is now (a reload, another tab).
 */
export async function GET(request: Request) {
  const learnerId = await currentLearnerId();
  if (!learnerId) return noSession();
  const follow = new URL(request.url).searchParams.get('follow');
  if (!follow) return Response.json(await currentRealDrill(learnerId), { headers: { 'Cache-Control': 'no-store' } });
  if (!z.uuid().safeParse(follow).success)
    return Response.json({ error: { en: 'No such drill.', ko: '그런 훈련이 없습니다.' } }, { status: 404 });
  try {
    return ndjson(await followRealDrill(learnerId, follow, request.signal));
  } catch (err) {
    if (err instanceof DrillRefusedError) return Response.json({ error: err.reason }, { status: err.status });
    throw err;
  }
}

/** `DELETE /api/gameday`: stop the learner's running real drill; the server running it lifts the failure and ends it. */
export async function DELETE() {
  const learnerId = await currentLearnerId();
  if (!learnerId) return noSession();
  const stopping = await stopRealDrill(learnerId);
  return Response.json({ stopping }, { status: stopping ? 202 : 404 });
}
