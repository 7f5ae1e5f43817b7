import { randomUUID } from 'node:crypto';
import type { AwsClients } from '@/lib/aws/clients';
import type { JobHandler } from '@/lib/jobs/worker';
import { runHeld } from '@/lib/jobs/worker';
import type { StageId } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import { currentStack } from './change-sets';
import { deleteStack, followStack, type StackProgress } from './follow';

export interface OperationInput {
  store: Store;
  clients: AwsClients;
  learnerId: string;
  stageId: StageId;
  stackName: string;
  operation: 'create' | 'update' | 'delete';
  source: string;
  since: Date;
  /** Stage 06's pair: its second region, kept on the operation (the checks and the card read it back). */
  secondRegion?: string;
  /**
   * Stacks to delete once this deletion has ended DELETE_COMPLETE (the pair's secondary after its primary): part of
   * the job, so the chain goes on on whichever server follows it. One that is the lab stack is recorded in turn.
   */
  thenDelete?: { region: string; stackName: string }[];
}

export const STACK_FOLLOW_JOB = 'stack-follow';

interface FollowPayload {
  learnerId: string;
  stackName: string;
  stackId?: string;
  since: string;
  thenDelete?: { region: string; stackName: string }[];
}

/**
 * Record a stack operation and follow it to its end on the server, whoever watches: the stored status (what the
 * instructor's roster shows) ends as the stack's final status, with the root cause of a failure. Following is a job
 * (lib/jobs): if this server dies, the server that takes the job over reads the stack's real status from the account
 * and follows it from there, so the roster never shows CREATE_IN_PROGRESS for a stack that has long settled.
 */
export async function recordStackOperation(input: OperationInput): Promise<{ done: Promise<void> }> {
  const { store, clients, stackName } = input;
  // The operation's row and the stack's id are asked for at once, then the job: two round-trips to the store on the
  // action's path instead of four (with 80 learners launching at once, each one waits behind everyone's).
  const operationId = randomUUID();
  const [stackId, op] = await Promise.all([
    currentStack(clients, stackName).then((s) => s?.StackId),
    store.startStackOperation({
      id: operationId,
      learnerId: input.learnerId,
      stageId: input.stageId,
      accountId: clients.account.accountId ?? null,
      region: clients.region,
      secondRegion: input.secondRegion ?? null,
      stackName,
      operation: input.operation,
      source: input.source,
      status: `${input.operation.toUpperCase()}_IN_PROGRESS`,
    }),
  ]);
  const payload: FollowPayload = {
    learnerId: input.learnerId,
    stackName,
    since: input.since.toISOString(),
    ...(stackId ? { stackId } : {}),
    ...(input.thenDelete?.length ? { thenDelete: input.thenDelete } : {}),
  };
  const job = await store.jobs.startHeld({
    kind: STACK_FOLLOW_JOB,
    key: op.id,
    payload: { ...payload },
    maxAttempts: 5,
  });
  const done = runHeld(store.jobs, job, (signal) => follow(store, clients, op.id, payload, signal)).catch(
    () => undefined,
  );
  return { done };
}

async function follow(
  store: Store,
  clients: AwsClients,
  operationId: string,
  payload: FollowPayload,
  signal: AbortSignal,
): Promise<void> {
  const intervalMs = clients.account.kind === 'sandbox' ? 500 : 5000;
  let final: StackProgress;
  try {
    final = await followStack(clients, payload.stackName, new Date(payload.since), () => {}, {
      intervalMs,
      signal,
      ...(payload.stackId ? { stackId: payload.stackId } : {}),
    });
  } catch (err) {
    if (signal.aborted) throw err;
    await store.finishStackOperation(operationId, 'UNKNOWN', `Could not follow the stack: ${(err as Error).name}`);
    return;
  }
  signal.throwIfAborted();
  await store.finishStackOperation(
    operationId,
    final.status,
    final.rootCause ? `${final.rootCause.logicalId}: ${final.rootCause.reason}` : (final.statusReason ?? null),
  );
  if (final.status === 'DELETE_COMPLETE' && payload.thenDelete?.length)
    await deleteNext(store, clients, operationId, payload);
}

/** After the primary of a pair is gone: delete what waited for it (the secondary, recorded as its own operation). */
async function deleteNext(store: Store, clients: AwsClients, operationId: string, payload: FollowPayload) {
  const op = await store.stackOperation(operationId);
  for (const next of payload.thenDelete ?? []) {
    const there = clients.forRegion(next.region);
    const since = new Date(Date.now() - 1000);
    await deleteStack(there, next.stackName);
    if (next.stackName !== payload.stackName || !op?.stageId) continue;
    await recordStackOperation({
      store,
      clients: there,
      learnerId: payload.learnerId,
      stageId: op.stageId as StageId,
      stackName: next.stackName,
      operation: 'delete',
      source: 'delete',
      since,
      ...(op.secondRegion ? { secondRegion: op.secondRegion } : {}),
    });
  }
}

/** The stack-follow job after a crash: read the stack's real status and follow it to its end from there. */
export function stackFollowJobHandler(deps: {
  store: Store;
  clientsFor: (learnerId: string, region: string) => Promise<AwsClients>;
}): JobHandler {
  return {
    async run(job, signal) {
      const op = await deps.store.stackOperation(job.key);
      if (!op || op.finishedAt) return;
      const payload = job.payload as unknown as FollowPayload;
      const clients = await deps.clientsFor(payload.learnerId, op.region);
      await follow(deps.store, clients, op.id, payload, signal);
    },
    async abandon(job, reason) {
      const op = await deps.store.stackOperation(job.key);
      if (op && !op.finishedAt)
        await deps.store.finishStackOperation(op.id, 'UNKNOWN', `Not followed to its end: ${reason}`);
    },
  };
}
