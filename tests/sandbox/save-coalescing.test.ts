import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';

describe('the sandbox’s persistence under a burst of changes', () => {
  it('writes a playing stack at most about once a second, and the last write is the final state', async () => {
    const writes: unknown[] = [];
    const sandbox = createSandbox({
      accountId: '112358132134',
      speed: 0.01,
      persistence: {
        load: async () => undefined,
        save: async (_id, state) => {
          await new Promise((r) => setTimeout(r, 20)); // a busy store
          writes.push(state);
        },
      },
    });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    const preview = await prepareChangeSet({ clients, stackName: 'scalelab-burst', templateBody: body });
    const before = writes.length;
    const started = Date.now();
    await executeChangeSet(clients, 'scalelab-burst', preview.changeSetId);
    await sandbox.settled();
    const events = sandbox.snapshot().regions['us-east-1']?.stacks[0]?.events.length ?? 0;
    const seconds = (Date.now() - started) / 1000;
    expect(events).toBeGreaterThan(10);
    // One write for the execute, then at most one per second of play (and one at the end), not one per event.
    expect(writes.length - before).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    expect(writes.at(-1)).toEqual(sandbox.snapshot());
  });
});
