import { afterEach, describe, expect, it } from 'vitest';
import {
  AccountConnectError,
  accountOfRoleArn,
  externalIdFor,
  localCredentialsAllowed,
  roleArnSchema,
  verifyAccount,
} from '@/lib/accounts/connect';
import { createClients } from '@/lib/aws/clients';

describe('connecting an account', () => {
  const saved = process.env.SCALELAB_ALLOW_LOCAL_CREDENTIALS;
  afterEach(() => {
    if (saved === undefined) delete process.env.SCALELAB_ALLOW_LOCAL_CREDENTIALS;
    else process.env.SCALELAB_ALLOW_LOCAL_CREDENTIALS = saved;
  });

  it.each([
    'arn:aws:iam::123456789012:role/ScaleLabOperator',
    'arn:aws:iam::123456789012:role/path/to/ScaleLab-Grader',
    'arn:aws-cn:iam::123456789012:role/x',
  ])('accepts the role ARN %s', (arn) => {
    expect(roleArnSchema.safeParse(arn).success).toBe(true);
    expect(accountOfRoleArn(arn)).toBe('123456789012');
  });

  it.each([
    ['a user ARN', 'arn:aws:iam::123456789012:user/alice'],
    ['an 11-digit account', 'arn:aws:iam::12345678901:role/x'],
    ['an account id alone', '123456789012'],
    ['an empty role name', 'arn:aws:iam::123456789012:role/'],
  ])('rejects %s with an example of the right shape', (_name, arn) => {
    const parsed = roleArnSchema.safeParse(arn);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('arn:aws:iam::123456789012:role/');
    expect(() => accountOfRoleArn(arn)).toThrow(AccountConnectError);
  });

  it('derives a stable ExternalId per learner that other learners cannot guess', () => {
    const a = externalIdFor('learner-a', 'x'.repeat(40));
    expect(a).toMatch(/^scalelab-[\w-]{24}$/);
    expect(externalIdFor('learner-a', 'x'.repeat(40))).toBe(a);
    expect(externalIdFor('learner-b', 'x'.repeat(40))).not.toBe(a);
    expect(externalIdFor('learner-a', 'y'.repeat(40))).not.toBe(a);
  });

  it('allows the server machine’s credentials only to a loopback server and connection, unless configured', () => {
    const env = (extra: Record<string, string> = {}) => ({ ...extra }) as NodeJS.ProcessEnv;
    const local = { remoteAddress: '127.0.0.1', listenAddress: '127.0.0.1', forwarded: false };
    expect(localCredentialsAllowed(local, env())).toEqual({ allowed: true });
    expect(localCredentialsAllowed({ ...local, listenAddress: '0.0.0.0' }, env())).toEqual({
      allowed: false,
      reason: 'exposed',
    });
    expect(localCredentialsAllowed(local, env({ SCALELAB_ALLOW_LOCAL_CREDENTIALS: '0' }))).toEqual({
      allowed: false,
      reason: 'turned-off',
    });
    const remote = { remoteAddress: '192.0.2.7', listenAddress: '0.0.0.0', forwarded: false };
    expect(localCredentialsAllowed(remote, env({ SCALELAB_ALLOW_LOCAL_CREDENTIALS: '1' }))).toEqual({ allowed: true });
    // Without the socket's facts (no instrumentation hook): HOST decides, unset meaning 127.0.0.1.
    expect(localCredentialsAllowed(null, env()).allowed).toBe(true);
    expect(localCredentialsAllowed(null, env({ HOST: '0.0.0.0' })).allowed).toBe(false);
  });
});

describe('verifying a role', () => {
  const role = {
    kind: 'role' as const,
    roleArn: 'arn:aws:iam::123456789012:role/ScaleLabOperator',
    externalId: 'scalelab-x',
    regions: ['us-east-1'],
  };
  const clientsAnswering = (answer: () => unknown) =>
    createClients(role, { region: 'us-east-1', maxAttempts: 1, responder: async () => answer() });

  it('refuses a role that answers as another account than its ARN names', async () => {
    const clients = clientsAnswering(() => ({
      Account: '210987654321',
      Arn: 'arn:aws:sts::210987654321:assumed-role/x/y',
    }));
    await expect(verifyAccount(role, 'us-east-1', clients)).rejects.toMatchObject({ code: 'wrong-account' });
  });

  it('explains AccessDenied on AssumeRole as a trust / ExternalId problem, naming the ExternalId to use', async () => {
    const clients = clientsAnswering(() => {
      throw Object.assign(new Error('not authorized to perform sts:AssumeRole'), { name: 'AccessDenied' });
    });
    const err = await verifyAccount(role, 'us-east-1', clients).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'trust' });
    expect((err as Error).message).toContain('scalelab-x');
  });

  it('returns the verified account id', async () => {
    const clients = clientsAnswering(() => ({ Account: '123456789012' }));
    await expect(verifyAccount(role, 'us-east-1', clients)).resolves.toBe('123456789012');
  });
});
