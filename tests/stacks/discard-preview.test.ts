import { readFileSync } from 'node:fs';
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { discardPreview } from '@/lib/stacks/discard-preview';
import { StackError } from '@/lib/stacks/errors';

const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');

describe('previews that cannot stick', () => {
  it('a cancelled first preview leaves no REVIEW_IN_PROGRESS stack, and the next preview works', async () => {
    const clients = createSandbox({ accountId: '314159265358', speed: 0 }).clientsFor('us-east-1', { maxAttempts: 1 });
    const first = await prepareChangeSet({ clients, stackName: 'scalelab-cancel', templateBody: body });
    expect((await currentStack(clients, 'scalelab-cancel'))?.StackStatus).toBe('REVIEW_IN_PROGRESS');
    await discardPreview(clients, 'scalelab-cancel', first.changeSetId);
    expect(await currentStack(clients, 'scalelab-cancel')).toBeUndefined();
    const second = await prepareChangeSet({ clients, stackName: 'scalelab-cancel', templateBody: body });
    expect(second.type).toBe('CREATE');
    await executeChangeSet(clients, 'scalelab-cancel', second.changeSetId);
    expect((await currentStack(clients, 'scalelab-cancel'))?.StackStatus).toBe('CREATE_COMPLETE');
  });

  it('a preview left behind (the tab was closed) does not make the next one "busy"', async () => {
    const clients = createSandbox({ accountId: '271828182845', speed: 0 }).clientsFor('us-east-1', { maxAttempts: 1 });
    await prepareChangeSet({ clients, stackName: 'scalelab-left', templateBody: body });
    const again = await prepareChangeSet({ clients, stackName: 'scalelab-left', templateBody: body });
    expect(again.type).toBe('CREATE');
    await executeChangeSet(clients, 'scalelab-left', again.changeSetId);
    const out = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: 'scalelab-left' }));
    expect(out.Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
  });

  it('a second execute of the same change set says "already deploying", not ChangeSetNotFoundException', async () => {
    const sandbox = createSandbox({ accountId: '161803398874', speed: 0.05 });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const preview = await prepareChangeSet({ clients, stackName: 'scalelab-twice', templateBody: body });
    await executeChangeSet(clients, 'scalelab-twice', preview.changeSetId);
    const second = executeChangeSet(clients, 'scalelab-twice', preview.changeSetId);
    await expect(second).rejects.toBeInstanceOf(StackError);
    await expect(second).rejects.toThrow(
      /^Stack scalelab-twice is already deploying this change set \(CREATE_IN_PROGRESS\)/,
    );
    sandbox.speed = 0;
  });
});
