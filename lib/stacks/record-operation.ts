import type { AwsClients } from '@/lib/aws/clients';
import type { StageId } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import { currentStack } from './change-sets';
import { followStack } from './follow';

export interface OperationInput {
  store: Store;
  clients: AwsClients;
  learnerId: string;
  stageId: StageId;
  stackName: string;
  operation: 'create' | 'update' | 'delete';
  source: string;
  since: Date;
}

/**
 * Record a stack operation and follow it to its end on the server, whoever watches: the stored status (what the
 * instructor's roster shows) ends as the stack's final status, with the root cause of a failure.
 */
export async function recordStackOperation(input: OperationInput): Promise<void> {
  const { store, clients, stackName } = input;
  const stackId = (await currentStack(clients, stackName))?.StackId;
  const op = await store.startStackOperation({
    learnerId: input.learnerId,
    stageId: input.stageId,
    accountId: clients.account.accountId ?? null,
    region: clients.region,
    stackName,
    operation: input.operation,
    source: input.source,
    status: `${input.operation.toUpperCase()}_IN_PROGRESS`,
  });
  const intervalMs = clients.account.kind === 'sandbox' ? 500 : 5000;
  void followStack(clients, stackName, input.since, () => {}, { intervalMs, ...(stackId ? { stackId } : {}) })
    .then((final) =>
      store.finishStackOperation(
        op.id,
        final.status,
        final.rootCause ? `${final.rootCause.logicalId}: ${final.rootCause.reason}` : (final.statusReason ?? null),
      ),
    )
    .catch((err) => store.finishStackOperation(op.id, 'UNKNOWN', `Could not follow the stack: ${(err as Error).name}`))
    .catch(() => undefined);
}
