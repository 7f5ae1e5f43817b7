import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox, memoryPersistence } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';

describe('the sandbox’s persistence while a stack plays', () => {
  it('writes the execute once and the end once, not a write per step, and the last write is the final state', async () => {
    const persistence = memoryPersistence();
    const sandbox = createSandbox({ accountId: '112358132134', speed: 0.01, persistence });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    const preview = await prepareChangeSet({ clients, stackName: 'scalelab-burst', templateBody: body });
    const before = persistence.writes;
    await executeChangeSet(clients, 'scalelab-burst', preview.changeSetId);
    expect(persistence.writes - before).toBe(1);
    await sandbox.settled();
    const events = sandbox.snapshot().regions['us-east-1']?.stacks[0]?.events.length ?? 0;
    expect(events).toBeGreaterThan(10);
    expect(persistence.writes - before).toBe(2);
    expect(persistence.stored('112358132134')).toEqual(JSON.parse(JSON.stringify(sandbox.snapshot())));
  });
});
