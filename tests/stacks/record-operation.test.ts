import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '@/lib/progress';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { recordStackOperation } from '@/lib/stacks/record-operation';

describe('a recorded stack operation', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dir: 'memory://' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('ends with the stack’s final status even when nobody watches the page', async () => {
    const sandbox = createSandbox({ accountId: '246824682468', speed: 0.002 });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const since = new Date(Date.now() - 1000);
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    const preview = await prepareChangeSet({ clients, stackName: 'scalelab-op', templateBody: body });
    await executeChangeSet(clients, 'scalelab-op', preview.changeSetId);
    await recordStackOperation({
      store,
      clients,
      learnerId,
      stageId: '00-one-user',
      stackName: 'scalelab-op',
      operation: 'create',
      source: 'solution.yaml',
      since,
    });
    expect((await store.latestStackOperation(learnerId))?.status).toBe('CREATE_IN_PROGRESS');
    await expect
      .poll(async () => (await store.latestStackOperation(learnerId))?.status, { timeout: 20_000, interval: 200 })
      .toBe('CREATE_COMPLETE');
    expect((await store.latestStackOperation(learnerId))?.finishedAt).toBeInstanceOf(Date);
  });
});
