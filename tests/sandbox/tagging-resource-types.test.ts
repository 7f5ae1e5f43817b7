import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { deploy } from './deploy';

const tagged = `
Resources:
  Sessions:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      Tags: [{ Key: 'scalelab:lab', Value: lab }]
  Logs:
    Type: AWS::S3::Bucket
    Properties: { Tags: [{ Key: 'scalelab:lab', Value: lab }] }
Outputs:
  Table: { Value: !Ref Sessions }
`;

describe('sandbox Resource Groups Tagging API: ResourceTypeFilters', () => {
  let sandbox: Sandbox;
  let out: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: '111122223333' });
    out = await deploy(sandbox.clientsFor('us-east-1'), 'lab', tagged);
  });

  const arns = async (ResourceTypeFilters?: string[]) =>
    (
      await sandbox
        .clientsFor('us-east-1')
        .tagging.send(
          new GetResourcesCommand({ TagFilters: [{ Key: 'scalelab:lab', Values: ['lab'] }], ResourceTypeFilters }),
        )
    ).ResourceTagMappingList?.map((m) => m.ResourceARN);

  it('answers only the resource types asked for, by service:type or by service', async () => {
    const table = `arn:aws:dynamodb:us-east-1:111122223333:table/${out.Table}`;
    expect(await arns(['dynamodb:table'])).toEqual([table]);
    expect(await arns(['dynamodb'])).toEqual([table]);
    expect(await arns(['dynamodb:backup'])).toEqual([]);
    expect(await arns()).toHaveLength(2);
  });
});
