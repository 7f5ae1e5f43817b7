import { createHmac } from 'node:crypto';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';
import type { Account } from '@/lib/aws/account';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { type ConnectionFacts, isLoopback, servesLoopbackOnly } from '@/lib/security/connection';

export type ConnectErrorCode = 'malformed-arn' | 'trust' | 'wrong-account' | 'credentials' | 'not-allowed' | 'unknown';

/** Why an account could not be connected, in words the learner can act on. */
export class AccountConnectError extends Error {
  constructor(
    readonly code: ConnectErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountConnectError';
  }
}

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export const roleArnSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => ROLE_ARN.test(v), {
    message: 'That is not an IAM role ARN. It looks like arn:aws:iam::123456789012:role/ScaleLabOperator.',
  });

/** The 12-digit account id inside a role ARN. */
export function accountOfRoleArn(arn: string): string {
  const m = ROLE_ARN.exec(arn.trim());
  if (!m?.[1]) {
    throw new AccountConnectError(
      'malformed-arn',
      `"${arn}" is not an IAM role ARN. It looks like arn:aws:iam::123456789012:role/ScaleLabOperator.`,
    );
  }
  return m[1];
}

/**
 * The ExternalId a learner puts in learner-access.yaml: derived from the server secret and the learner id, so it is
 * stable, unguessable by other learners, and never needs storing before the learner connects.
 */
export function externalIdFor(learnerId: string, secret: string): string {
  return `scalelab-${createHmac('sha256', secret).update(`external-id:${learnerId}`).digest('base64url').slice(0, 24)}`;
}

export type LocalCredentialsVerdict = { allowed: true } | { allowed: false; reason: 'turned-off' | 'exposed' };

/**
 * May learners use the AWS credentials of the machine the server runs on? `SCALELAB_ALLOW_LOCAL_CREDENTIALS=1` or `0`
 * decides; unset, only when the server listens on loopback (the default: `npm start` binds to 127.0.0.1 unless `HOST`
 * says otherwise) and this connection comes from loopback without a reverse proxy in between. Decided from the
 * socket (lib/security/connection), never from the Host header, which the client writes.
 */
export function localCredentialsAllowed(
  facts: ConnectionFacts | null,
  env: NodeJS.ProcessEnv = process.env,
): LocalCredentialsVerdict {
  const setting = env.SCALELAB_ALLOW_LOCAL_CREDENTIALS;
  if (setting === '1') return { allowed: true };
  if (setting === '0') return { allowed: false, reason: 'turned-off' };
  const fromThisMachine = !facts || (isLoopback(facts.remoteAddress) && !facts.forwarded);
  return servesLoopbackOnly(facts, env) && fromThisMachine ? { allowed: true } : { allowed: false, reason: 'exposed' };
}

/**
 * The ExternalId AWS STS accepts: 2 to 1,224 characters, letters and digits without spaces, and + = , . @ : / -
 * ("IAM and AWS STS quotas", IAM name requirements; AssumeRole's ExternalId pattern `[\w+=,.@:\/-]*`). A typo is
 * refused here, with the rule, rather than by STS as an opaque ValidationError.
 */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

export const externalIdRule =
  'an ExternalId has 2 to 1224 characters: letters, digits and + = , . @ : / - _ (STS AssumeRole, ExternalId).';

export const externalIdSchema = z.string().refine((v) => EXTERNAL_ID.test(v), { message: externalIdRule });

/**
 * Prove the account works: STS GetCallerIdentity through the account's own credentials (for a role, that is the
 * AssumeRole with its ExternalId). Returns the verified 12-digit account id.
 */
export async function verifyAccount(
  account: Account,
  region: string,
  clients: Pick<AwsClients, 'sts'> = createClients(account, { region, maxAttempts: 2 }),
): Promise<string> {
  let identity: { Account?: string };
  try {
    identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  } catch (err) {
    throw explainConnectError(err, account);
  }
  const accountId = identity.Account ?? '';
  if (account.kind === 'role' && accountId !== accountOfRoleArn(account.roleArn)) {
    throw new AccountConnectError(
      'wrong-account',
      `The role ${account.roleArn} answered as account ${accountId}, not ${accountOfRoleArn(account.roleArn)}.`,
    );
  }
  return accountId;
}

function explainConnectError(err: unknown, account: Account): AccountConnectError {
  const e = err as Error;
  const name = e?.name ?? 'Error';
  if (account.kind === 'role' && /AccessDenied|Forbidden|NotAuthorized/.test(name)) {
    return new AccountConnectError(
      'trust',
      `ScaleLab could not assume ${account.roleArn} (${name}). Check that the learner-access stack is deployed in that account, that its trust policy names ScaleLab's principal, and that its ExternalId is exactly ${account.externalId}.`,
    );
  }
  if (
    /ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|CredentialsProviderError/.test(name)
  ) {
    return new AccountConnectError(
      'credentials',
      account.kind === 'profile'
        ? `The server's AWS credentials${account.profile ? ` (profile ${account.profile})` : ''} were not accepted (${name}): ${e.message}`
        : `AWS did not accept the credentials (${name}): ${e.message}`,
    );
  }
  return new AccountConnectError('unknown', `${name}: ${e?.message ?? String(err)}`);
}
