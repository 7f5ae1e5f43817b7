import { readFileSync } from 'node:fs';
import { CreateStackCommand, UpdateStackCommand } from '@aws-sdk/client-cloudformation';
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

  it('stores a template in the plan only where it changes the stack’s, and ends each operation on the right one', async () => {
    const sandbox = createSandbox({ accountId: '213455891442', speed: 0.01, persistence: memoryPersistence() });
    const cfn = sandbox.clientsFor('us-east-1', { maxAttempts: 1 }).cloudformation;
    const vpc = (tag: string) =>
      `Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n      Tags:\n        - Key: v\n          Value: ${tag}\n`;
    const plan = () => sandbox.snapshot().regions['us-east-1']?.stacks[0]?.pending ?? [];
    await cfn.send(new CreateStackCommand({ StackName: 'lab', TemplateBody: vpc('one') }));
    // A create sets its template at once: no step repeats it.
    expect(plan().filter((s) => s.definition?.templateBody !== undefined)).toEqual([]);
    await sandbox.settled();
    await cfn.send(new UpdateStackCommand({ StackName: 'lab', TemplateBody: vpc('two') }));
    expect(plan().some((s) => s.definition?.templateBody === vpc('two'))).toBe(true);
    await sandbox.settled();
    expect(sandbox.snapshot().regions['us-east-1']?.stacks[0]?.templateBody).toBe(vpc('two'));
  });
});
