import { readFileSync } from 'node:fs';
import { DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';

/**
 * CloudFormation resolves an SSM parameter type again on every update. In the sandbox a different public parameter
 * path stands for "the parameter now points at a newer Amazon Linux AMI": LatestAmiId resolves to another image.
 */
const NEWER_RELEASE = '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.12-x86_64';
const STACK = 'scalelab-ami';
const stage00 = readFileSync('templates/00-one-user/solution.yaml', 'utf8');

async function deploy(clients: AwsClients, templateBody: string, parameters?: Record<string, string>) {
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody, parameters });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  const final = await followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 5 });
  return { preview, final };
}

async function webInstance(clients: AwsClients) {
  const res = await clients.cloudformation.send(
    new DescribeStackResourceCommand({ StackName: STACK, LogicalResourceId: 'WebInstance' }),
  );
  const id = res.StackResourceDetail?.PhysicalResourceId ?? '';
  const out = await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return { id, imageId: out.Reservations?.[0]?.Instances?.[0]?.ImageId };
}

describe('an update after a new Amazon Linux release', () => {
  it('keeps the one server: the platform passes the AMI the stack runs as AmiId', async () => {
    const clients = createSandbox({ accountId: '777788889999' }).clientsFor('us-east-1', { maxAttempts: 1 });
    await deploy(clients, stage00);
    const before = await webInstance(clients);

    const scaledUp = stage00.replace('Default: t3.micro', 'Default: t3.small');
    const { preview, final } = await deploy(clients, scaledUp, { LatestAmiId: NEWER_RELEASE });
    expect(final.status).toBe('UPDATE_COMPLETE');
    // Only the type changes: ImageId evaluates to the AMI the instance already runs.
    expect(preview.changes.find((c) => c.logicalId === 'WebInstance')?.properties).toEqual(['InstanceType']);
    expect(await webInstance(clients)).toEqual(before);
  });

  it('replaces the server when the AMI really changes (AmiId left empty: LatestAmiId decides)', async () => {
    const clients = createSandbox({ accountId: '777788889999' }).clientsFor('us-east-1', { maxAttempts: 1 });
    await deploy(clients, stage00);
    const before = await webInstance(clients);

    const { preview, final } = await deploy(clients, stage00, { LatestAmiId: NEWER_RELEASE, AmiId: '' });
    expect(final.status).toBe('UPDATE_COMPLETE');
    expect(preview.changes.find((c) => c.logicalId === 'WebInstance')).toMatchObject({
      properties: ['ImageId'],
      replacement: 'True',
    });
    const after = await webInstance(clients);
    expect(after.id).not.toBe(before.id);
    expect(after.imageId).not.toBe(before.imageId);
  });
});
