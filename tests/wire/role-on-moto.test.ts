import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAccount } from '@/lib/accounts/connect';
import { createClients } from '@/lib/aws/clients';
import { motoAvailable, startMoto } from './moto';

const hasMoto = motoAvailable();

describe.skipIf(!hasMoto)('the role path over the wire (moto STS)', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  const saved = { ...process.env };
  let roleArn = '';

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const iam = createClients({ kind: 'profile', regions: ['us-east-1'] }, { region: 'us-east-1' }).iam;
    const trust = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'scalelab-test' } },
        },
      ],
    };
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: 'ScaleLabOperator', AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    roleArn = role.Role?.Arn ?? '';
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('assumes the role with its ExternalId and verifies the account with GetCallerIdentity', async () => {
    const accountId = await verifyAccount(
      { kind: 'role', roleArn, externalId: 'scalelab-test', regions: ['us-east-1'] },
      'us-east-1',
    );
    expect(accountId).toBe(roleArn.split(':')[4]);
  });
});
