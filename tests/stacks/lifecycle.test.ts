import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { deleteStack, followStack, type StackProgress } from '@/lib/stacks/follow';
import { findSurvivors } from '@/lib/stacks/survivors';

const template = (path: string) => readFileSync(path, 'utf8');
const stage00 = template('templates/00-one-user/solution.yaml');
const stage01 = template('templates/01-split-database/solution.yaml');

function setup() {
  const sandbox = createSandbox({ accountId: '444455556666' });
  return { sandbox, clients: sandbox.clientsFor('us-east-1', { maxAttempts: 1 }) };
}

async function deploy(clients: ReturnType<typeof setup>['clients'], body: string, parameters?: Record<string, string>) {
  const since = new Date(Date.now() - 1000);
  const preview = await prepareChangeSet({ clients, stackName: 'scalelab-test', templateBody: body, parameters });
  await executeChangeSet(clients, 'scalelab-test', preview.changeSetId);
  const seen: StackProgress[] = [];
  const final = await followStack(clients, 'scalelab-test', since, (p) => seen.push(p), { intervalMs: 10 });
  return { preview, final, seen };
}

describe('the lab stack lifecycle on the sandbox', () => {
  it('launches stage 00 through a CREATE change set, all Adds, and follows it to CREATE_COMPLETE', async () => {
    const { clients } = setup();
    const { preview, final, seen } = await deploy(clients, stage00);
    expect(preview.type).toBe('CREATE');
    expect(preview.changes.length).toBeGreaterThanOrEqual(8);
    expect(preview.changes.every((c) => c.action === 'Add')).toBe(true);
    expect(final.status).toBe('CREATE_COMPLETE');
    expect(final.complete).toBe(final.total);
    expect(seen.flatMap((p) => p.events).length).toBeGreaterThan(preview.changes.length);
    const stack = await currentStack(clients, 'scalelab-test');
    expect(stack?.Outputs?.map((o) => o.OutputKey)).toContain('VpcId');
  });

  it('previews a scale-up as a Modify without replacement, and says there is nothing to change when nothing changed', async () => {
    const { clients } = setup();
    await deploy(clients, stage00);
    const preview = await prepareChangeSet({
      clients,
      stackName: 'scalelab-test',
      templateBody: stage00,
      parameters: { InstanceType: 't3.small' },
    });
    expect(preview.type).toBe('UPDATE');
    const web = preview.changes.find((c) => c.logicalId === 'WebInstance');
    // The spec marks InstanceType as "may replace" (instance-store AMIs); AWS shows Conditional or False, never True.
    expect(web).toMatchObject({ action: 'Modify', properties: ['InstanceType'], dataLoss: false });
    expect(web?.replacement).not.toBe('True');
    await expect(
      prepareChangeSet({ clients, stackName: 'scalelab-test', templateBody: stage00 }),
    ).rejects.toMatchObject({
      code: 'no-changes',
    });
  });

  it('evolves stage 00 into stage 01 with Adds for the database tier', async () => {
    const { clients } = setup();
    await deploy(clients, stage00);
    const { preview, final } = await deploy(clients, stage01);
    expect(final.status).toBe('UPDATE_COMPLETE');
    const added = preview.changes.filter((c) => c.action === 'Add').map((c) => c.resourceType);
    expect(added).toContain('AWS::RDS::DBInstance');
    expect(added).toContain('AWS::RDS::DBSubnetGroup');
  });

  it('names the root cause of a rollback, then refuses to update a ROLLBACK_COMPLETE stack and tells what to do', async () => {
    const { clients } = setup();
    const broken = stage00.replace(/InstanceType: !Ref InstanceType/, 'InstanceType: t3.mega');
    expect(broken).not.toBe(stage00);
    const { final } = await deploy(clients, broken);
    expect(final.status).toBe('ROLLBACK_COMPLETE');
    expect(final.rootCause?.logicalId).toBe('WebInstance');
    await expect(
      prepareChangeSet({ clients, stackName: 'scalelab-test', templateBody: stage00 }),
    ).rejects.toMatchObject({
      code: 'rollback-complete',
      message: expect.stringMatching(/Delete it, then launch again/),
    });
    const stackId = (await currentStack(clients, 'scalelab-test'))?.StackId;
    await deleteStack(clients, 'scalelab-test');
    const gone = await followStack(clients, 'scalelab-test', new Date(0), () => {}, { intervalMs: 10, stackId });
    expect(gone.status).toBe('DELETE_COMPLETE');
    expect(await currentStack(clients, 'scalelab-test')).toBeUndefined();
  });
});

describe('the clean-up survivor check', () => {
  it('finds everything tagged with the lab while the stack lives, and nothing once it is deleted', async () => {
    const sandbox = createSandbox({ accountId: '444455556668' });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const preview = await prepareChangeSet({ clients, stackName: 'scalelab-test', templateBody: stage00 });
    await executeChangeSet(clients, 'scalelab-test', preview.changeSetId);
    await followStack(clients, 'scalelab-test', new Date(0), () => {}, { intervalMs: 1 });
    const alive = await findSurvivors(clients, 'scalelab-test');
    expect(alive.map((s) => s.type)).toEqual(expect.arrayContaining(['ec2:instance', 'ec2:vpc', 'ec2:security-group']));
    expect(alive.every((s) => s.arn.startsWith('arn:aws:'))).toBe(true);
    expect(await findSurvivors(clients, 'scalelab-other')).toEqual([]);

    const stackId = (await currentStack(clients, 'scalelab-test'))?.StackId;
    await deleteStack(clients, 'scalelab-test');
    await followStack(clients, 'scalelab-test', new Date(0), () => {}, { intervalMs: 1, stackId });
    expect(await findSurvivors(clients, 'scalelab-test')).toEqual([]);
  });
});
