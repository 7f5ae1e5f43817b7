import type { StackEvent } from '@aws-sdk/client-cloudformation';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { explainAwsError } from '@/lib/aws/errors';
import { clientsForAccount } from '@/lib/aws/for-account';
import { refererLocale } from '@/lib/i18n/request-locale';
import { getStore } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';
import { currentStack } from '@/lib/stacks/change-sets';
import { awaitDeletion, followStack } from '@/lib/stacks/follow';
import { secondRegionProblem } from '@/lib/stacks/second-region';
import type { StackStreamEvent } from '@/lib/stacks/stream';

export const dynamic = 'force-dynamic';

const toEvent = (e: StackEvent) => ({
  id: e.EventId ?? '',
  at: e.Timestamp?.toISOString() ?? '',
  logicalId: e.LogicalResourceId ?? '',
  type: e.ResourceType ?? '',
  status: e.ResourceStatus ?? '',
  reason: e.ResourceStatusReason ?? null,
});

/** The learner's lab stack operation as Server-Sent Events: new events, progress, then the final status + outputs. */
export async function GET(request: Request) {
  const learnerId = await currentLearnerId();
  if (!learnerId) return new Response('No learner session', { status: 401 });
  const sinceParam = new URL(request.url).searchParams.get('since');
  const since =
    sinceParam && !Number.isNaN(Date.parse(sinceParam)) ? new Date(sinceParam) : new Date(Date.now() - 60_000);
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  const primary = account.regions[0] ?? 'us-east-1';
  // Stage 06's pair: `region` names the second region the card follows; `await=delete`: its deletion starts only
  // once the primary is gone (the server chains it), so wait for it to begin instead of reporting the stack as is.
  const params = new URL(request.url).searchParams;
  const asked = params.get('region') ?? primary;
  const problem = asked === primary ? undefined : secondRegionProblem(account, primary, asked);
  if (problem) return new Response(problem.message, { status: 400 });
  const clients = clientsForAccount(account, { region: asked });
  const stackName = labStackName(learnerId);
  const encoder = new TextEncoder();

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: StackStreamEvent) => {
        if (!request.signal.aborted) controller.enqueue(encoder.encode(`data: ${JSON.stringify(e)}\n\n`));
      };
      try {
        if (params.get('await') === 'delete')
          await awaitDeletion(clients, stackName, {
            intervalMs: account.kind === 'sandbox' ? 300 : 3000,
            signal: request.signal,
          });
        const final = await followStack(
          clients,
          stackName,
          since,
          (p) =>
            send({
              type: 'progress',
              status: p.status,
              complete: p.complete,
              total: p.total,
              events: p.events.map(toEvent),
              rootCause: p.rootCause,
            }),
          { intervalMs: account.kind === 'sandbox' ? 400 : 3000, signal: request.signal },
        );
        const stack = await currentStack(clients, stackName);
        send({
          type: 'done',
          status: final.status,
          rootCause: final.rootCause,
          outputs: (stack?.Outputs ?? []).map((o) => ({
            key: o.OutputKey ?? '',
            value: o.OutputValue ?? '',
            description: o.Description ?? null,
          })),
        });
      } catch (err) {
        if (!request.signal.aborted)
          send({ type: 'error', message: explainAwsError(err).reason[refererLocale(request)] });
      }
      try {
        controller.close();
      } catch {
        // The client went away.
      }
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
