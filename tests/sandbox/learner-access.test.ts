import { readFileSync } from 'node:fs';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';

describe('the workshop role path in the sandbox', () => {
  it('deploys learner-access.yaml and lets the platform assume the operator role only with the right ExternalId', async () => {
    const sandbox = createSandbox({ accountId: '210987654321' });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const preview = await prepareChangeSet({
      clients,
      stackName: 'scalelab-access',
      templateBody: readFileSync('templates/access/learner-access.yaml', 'utf8'),
      parameters: {
        PlatformPrincipalArn: 'arn:aws:iam::123456789012:role/scalelab-platform',
        ExternalId: 'scalelab-abc',
      },
    });
    expect(preview.changes.map((c) => c.resourceType).sort()).toEqual([
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::ManagedPolicy',
      'AWS::IAM::Role',
      'AWS::IAM::Role',
      'AWS::S3::Bucket',
      'AWS::S3::BucketPolicy',
    ]);
    await executeChangeSet(clients, 'scalelab-access', preview.changeSetId);
    expect((await followStack(clients, 'scalelab-access', new Date(0), () => {}, { intervalMs: 1 })).status).toBe(
      'CREATE_COMPLETE',
    );
    const outputs = (await currentStack(clients, 'scalelab-access'))?.Outputs ?? [];
    const roleArn = outputs.find((o) => o.OutputKey === 'OperatorRoleArn')?.OutputValue ?? '';
    expect(roleArn).toBe('arn:aws:iam::210987654321:role/ScaleLabOperator-us-east-1');
    expect(outputs.find((o) => o.OutputKey === 'StagingBucketName')?.OutputValue).toBe(
      'scalelab-staging-210987654321-us-east-1',
    );

    const assume = (ExternalId?: string) =>
      clients.sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'scalelab', ExternalId }));
    await expect(assume('scalelab-abc')).resolves.toMatchObject({
      AssumedRoleUser: { Arn: 'arn:aws:sts::210987654321:assumed-role/ScaleLabOperator-us-east-1/scalelab' },
    });
    await expect(assume('scalelab-wrong')).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(assume(undefined)).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(
      clients.sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::210987654321:role/Nope', RoleSessionName: 's' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});
