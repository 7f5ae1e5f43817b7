import { DeleteStackCommand, DescribeStackEventsCommand, type StackEvent } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { currentStack } from './change-sets';

export interface StackProgress {
  status: string;
  statusReason?: string;
  /** New events since the last report, oldest first. */
  events: StackEvent[];
  /** Resources in a *_COMPLETE state / all resources seen so far. */
  complete: number;
  total: number;
  done: boolean;
  /** When it failed: the first resource failure and its reason, the root cause of a rollback. */
  rootCause?: { logicalId: string; resourceType: string; reason: string };
}

const TERMINAL = /(_COMPLETE|_FAILED)$/;

/**
 * Follow a stack operation until the stack settles, reporting new events as they appear. Polls DescribeStackEvents
 * (what the console does); `intervalMs` is short in the sandbox and a few seconds against AWS.
 */
export async function followStack(
  clients: AwsClients,
  stackName: string,
  since: Date,
  onProgress: (p: StackProgress) => void,
  options: { intervalMs?: number; signal?: AbortSignal; stackId?: string } = {},
): Promise<StackProgress> {
  const seen = new Set<string>();
  const resourceStates = new Map<string, string>();
  let rootCause: StackProgress['rootCause'];
  // Follow by stack id: once a stack is deleted, AWS answers for its id but no longer for its name.
  const name = options.stackId ?? (await currentStack(clients, stackName))?.StackId;
  if (!name) {
    const none: StackProgress = { status: 'DELETE_COMPLETE', events: [], complete: 0, total: 0, done: true };
    onProgress(none);
    return none;
  }
  for (;;) {
    options.signal?.throwIfAborted();
    const fresh: StackEvent[] = [];
    const out = await clients.cloudformation.send(new DescribeStackEventsCommand({ StackName: name }));
    for (const e of out.StackEvents ?? []) {
      if (!e.EventId || seen.has(e.EventId) || (e.Timestamp && e.Timestamp < since)) continue;
      seen.add(e.EventId);
      fresh.push(e);
    }
    fresh.reverse(); // AWS lists newest first.
    for (const e of fresh) {
      if (e.ResourceType !== 'AWS::CloudFormation::Stack' && e.LogicalResourceId) {
        resourceStates.set(e.LogicalResourceId, e.ResourceStatus ?? '');
        if (
          !rootCause &&
          e.ResourceStatus?.endsWith('_FAILED') &&
          !/cancelled|Resource creation cancelled/i.test(e.ResourceStatusReason ?? '')
        ) {
          rootCause = {
            logicalId: e.LogicalResourceId,
            resourceType: e.ResourceType ?? '',
            reason: e.ResourceStatusReason ?? '',
          };
        }
      }
    }
    const stack = await currentStack(clients, name);
    const status = stack?.StackStatus ?? 'DELETE_COMPLETE';
    const progress: StackProgress = {
      status,
      statusReason: stack?.StackStatusReason,
      events: fresh,
      complete: [...resourceStates.values()].filter((s) => s.endsWith('_COMPLETE')).length,
      total: resourceStates.size,
      done: TERMINAL.test(status) && !status.endsWith('_IN_PROGRESS'),
      rootCause,
    };
    onProgress(progress);
    if (progress.done) return progress;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 3000));
  }
}

export async function deleteStack(clients: AwsClients, stackName: string): Promise<void> {
  await clients.cloudformation.send(new DeleteStackCommand({ StackName: stackName }));
}

/**
 * Wait until the stack's deletion has begun (or the stack is gone): the pair's secondary is deleted by the server
 * once its primary is gone (record-operation.ts), a moment after the page saw the primary's DELETE_COMPLETE.
 */
export async function awaitDeletion(
  clients: AwsClients,
  stackName: string,
  options: { intervalMs?: number; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const until = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  for (;;) {
    options.signal?.throwIfAborted();
    const status = (await currentStack(clients, stackName))?.StackStatus;
    if (!status || status.startsWith('DELETE_') || Date.now() > until) return;
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 3000));
  }
}
