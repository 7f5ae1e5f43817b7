import { type PanelResult, type RunEvent, toPanelRun } from '@/lib/checks/panel';
import { getStore } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';

export const dynamic = 'force-dynamic';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The results of one check run as Server-Sent Events: what is stored so far, then each new result as the run
 * appends it (LISTEN/NOTIFY, so any server sharing the database can serve the stream), then `done`.
 * Only the learner who owns the run may read it.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const learnerId = await currentLearnerId();
  if (!UUID.test(id) || !learnerId) return new Response('Not found', { status: 404 });
  const store = await getStore();
  const first = await store.checkRun(id);
  if (!first || first.learnerId !== learnerId) return new Response('Not found', { status: 404 });

  const encoder = new TextEncoder();
  let cleanup = async () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let sent = 0;
      let closed = false;
      const send = (event: RunEvent) => {
        if (!closed) controller.enqueue(encoder.encode(`data: ${JSON.stringify(event)}\n\n`));
      };
      const close = async () => {
        if (closed) return;
        closed = true;
        await cleanup();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      // Serialize refreshes: notifications can arrive faster than the row is read.
      let chain = Promise.resolve();
      const refresh = () => {
        chain = chain.then(async () => {
          if (closed) return;
          const row = await store.checkRun(id);
          if (!row) return close();
          const results = row.results as PanelResult[];
          for (const result of results.slice(sent)) send({ type: 'result', result });
          sent = results.length;
          if (row.status !== 'running') {
            send({ type: 'done', run: toPanelRun(row) });
            await close();
          }
        });
        return chain;
      };
      const unsubscribe = await store.subscribe((e) => {
        if (e.id === id) void refresh();
      });
      const heartbeat = setInterval(() => controller.enqueue(encoder.encode(': keep-alive\n\n')), 15_000);
      cleanup = async () => {
        clearInterval(heartbeat);
        await unsubscribe();
      };
      request.signal.addEventListener('abort', () => void close());
      await refresh();
    },
    async cancel() {
      await cleanup();
    },
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
