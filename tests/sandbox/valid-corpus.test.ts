import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';

const dir = 'tests/fixtures/cfn/valid';

const DB_SECRET = `
Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      Name: scalelab/db
      GenerateSecretString:
        SecretStringTemplate: '{"username": "labadmin"}'
        GenerateStringKey: password
        ExcludeCharacters: '"@/\\'
`;

async function deploy(clients: AwsClients, stackName: string, body: string, parameters: Record<string, string> = {}) {
  const preview = await prepareChangeSet({ clients, stackName, templateBody: body, parameters });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  const final = await followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 1 });
  return { preview, final };
}

/**
 * Every template the toolkit calls valid deploys in the sandbox. Templates that take an existing network as
 * parameters get one: the stage 03 solution is deployed first and its VPC, subnets and security groups are passed in.
 */
describe('the toolkit’s valid corpus in the sandbox', () => {
  it.each(readdirSync(dir))('deploys %s to CREATE_COMPLETE', async (file) => {
    const sandbox = createSandbox({ accountId: '135791357913' });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    // The corpus reads the database password from a secret made beforehand, as a learner would make it by hand.
    const secret = await deploy(clients, 'secrets', DB_SECRET);
    expect(secret.final.status).toBe('CREATE_COMPLETE');
    const network = await deploy(clients, 'network', readFileSync('templates/03-scale-out/solution.yaml', 'utf8'));
    expect(network.final.status).toBe('CREATE_COMPLETE');
    const resources = await clients.cloudformation.send(new ListStackResourcesCommand({ StackName: 'network' }));
    const id = (logical: string) =>
      resources.StackResourceSummaries?.find((r) => r.LogicalResourceId === logical)?.PhysicalResourceId ?? '';
    const available: Record<string, string> = {
      VpcId: id('Vpc'),
      PublicSubnets: `${id('PublicSubnet')},${id('PublicSubnetB')}`,
      PrivateSubnets: `${id('PrivateSubnetA')},${id('PrivateSubnetB')}`,
      CacheSecurityGroupId: id('DbSecurityGroup'),
      DbSecurityGroupId: id('DbSecurityGroup'),
      DbSubnetGroupName: id('DbSubnetGroup'),
    };
    const body = readFileSync(join(dir, file), 'utf8');
    const declared = file.endsWith('.json')
      ? Object.keys((JSON.parse(body) as { Parameters?: object }).Parameters ?? {})
      : [...(/^Parameters:\n((?: .*\n|\n)*)/m.exec(body)?.[1] ?? '').matchAll(/^ {2}(\w+):/gm)].map((m) => m[1] ?? '');
    const parameters = Object.fromEntries(Object.entries(available).filter(([name]) => declared.includes(name)));
    const { preview, final } = await deploy(clients, 'corpus', body, parameters);
    expect(final.status, `${final.rootCause?.logicalId}: ${final.rootCause?.reason}`).toBe('CREATE_COMPLETE');
    expect(final.complete).toBe(preview.changes.length);
  });
});
