import { randomUUID } from 'node:crypto';
import { CreateRoleCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyAccount } from '@/lib/accounts/connect';
import type { Account } from '@/lib/aws/account';
import { createClients } from '@/lib/aws/clients';
import { credentialsFor } from '@/lib/aws/credentials';
import { startStageRun } from '@/lib/checks/run-stage';
import { openStore, type Store } from '@/lib/progress';
import { motoAvailable, startMoto } from './moto';

/**
 * Credentials never reach the database, the logs or what the app returns: connect a workshop role (AssumeRole over
 * moto), run a stage's checks with it, then search every stored row and every console line for the secrets.
 */
describe.skipIf(!motoAvailable())('no credential in clear text', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let store: Store;
  const saved = { ...process.env };
  const logged: string[] = [];

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAPLATFORMKEY00001',
      AWS_SECRET_ACCESS_KEY: 'platform/secret/key/value/0000000000000000',
      AWS_REGION: 'us-east-1',
    });
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    store = await openStore({ dir: 'memory://' });
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    }
  }, 60_000);

  afterAll(async () => {
    vi.restoreAllMocks();
    await store?.close();
    moto?.stop();
    process.env = saved;
  });

  it('keeps the assumed-role secrets and the platform keys out of rows, logs and results', async () => {
    const iam = createClients({ kind: 'profile', regions: ['us-east-1'] }, { region: 'us-east-1' }).iam;
    const role = await iam.send(
      new CreateRoleCommand({
        RoleName: `ScaleLabOperator-${Date.now()}`,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    const account: Account = {
      kind: 'role',
      roleArn: role.Role?.Arn ?? '',
      externalId: 'scalelab-leak-test',
      regions: ['us-east-1'],
    };
    const accountId = await verifyAccount(account, 'us-east-1');
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    await store.saveAccount({
      learnerId,
      kind: 'role',
      roleArn: account.roleArn,
      externalId: account.externalId,
      accountId,
      region: 'us-east-1',
    });
    const { done } = await startStageRun({
      store,
      learnerId,
      stageId: '00-one-user',
      stackName: 'scalelab-leak',
      cooldownMs: 0,
      makeClients: (log) => createClients({ ...account, accountId }, { region: 'us-east-1', log }),
    });
    const run = await done;

    const creds = await credentialsFor(account)?.();
    const secrets = [
      creds?.accessKeyId,
      creds?.secretAccessKey,
      creds?.sessionToken,
      process.env.AWS_ACCESS_KEY_ID,
      process.env.AWS_SECRET_ACCESS_KEY,
    ].filter((s): s is string => Boolean(s && s.length >= 16));
    expect(secrets.length).toBeGreaterThanOrEqual(4);

    const rows = JSON.stringify({
      account: await store.activeAccount(learnerId),
      run: await store.checkRun(run.id),
    });
    expect(rows).toContain(account.roleArn); // the row is really there
    for (const secret of secrets) {
      expect(rows.includes(secret), 'a stored row holds a secret').toBe(false);
      expect(
        logged.some((line) => line.includes(secret)),
        'a log line holds a secret',
      ).toBe(false);
    }
  });
});
