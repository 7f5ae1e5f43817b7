import { createHmac } from 'node:crypto';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { z } from 'zod';
import type { Account } from '@/lib/aws/account';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import type { Localized } from '@/lib/i18n/locales';
import { type ConnectionFacts, isLoopback, servesLoopbackOnly } from '@/lib/security/connection';

export type ConnectErrorCode = 'malformed-arn' | 'trust' | 'wrong-account' | 'credentials' | 'not-allowed' | 'unknown';

/** Why an account could not be connected, in words the learner can act on, in both languages. */
export class AccountConnectError extends Error {
  constructor(
    readonly code: ConnectErrorCode,
    readonly localized: Localized,
  ) {
    super(localized.en);
    this.name = 'AccountConnectError';
  }
}

/** What a role ARN looks like, for the form and the error. */
export const ROLE_ARN_HINT: Localized = {
  en: 'That is not an IAM role ARN. It looks like arn:aws:iam::123456789012:role/ScaleLabOperator.',
  ko: 'IAM 역할 ARN이 아닙니다. 역할 ARN은 arn:aws:iam::123456789012:role/ScaleLabOperator 같은 모양입니다.',
};

const ROLE_ARN = /^arn:aws(?:-cn|-us-gov)?:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

export const roleArnSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => ROLE_ARN.test(v), { message: ROLE_ARN_HINT.en });

/** The 12-digit account id inside a role ARN. */
export function accountOfRoleArn(arn: string): string {
  const m = ROLE_ARN.exec(arn.trim());
  if (!m?.[1]) {
    throw new AccountConnectError('malformed-arn', {
      en: `"${arn}" is not an IAM role ARN. It looks like arn:aws:iam::123456789012:role/ScaleLabOperator.`,
      ko: `"${arn}"은(는) IAM 역할 ARN이 아닙니다. 역할 ARN은 arn:aws:iam::123456789012:role/ScaleLabOperator 같은 모양입니다.`,
    });
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
    const expected = accountOfRoleArn(account.roleArn);
    throw new AccountConnectError('wrong-account', {
      en: `The role ${account.roleArn} answered as account ${accountId}, not ${expected}.`,
      ko: `역할 ${account.roleArn}이(가) ${expected}이(가) 아니라 계정 ${accountId}(으)로 응답했습니다.`,
    });
  }
  return accountId;
}

function explainConnectError(err: unknown, account: Account): AccountConnectError {
  const e = err as Error;
  const name = e?.name ?? 'Error';
  if (account.kind === 'role' && /AccessDenied|Forbidden|NotAuthorized/.test(name)) {
    return new AccountConnectError('trust', {
      en: `ScaleLab could not assume ${account.roleArn} (${name}). Check that the learner-access stack is deployed in that account, that its trust policy names ScaleLab's principal, and that its ExternalId is exactly ${account.externalId}.`,
      ko: `ScaleLab이 ${account.roleArn} 역할을 맡지 못했습니다(${name}). 그 계정에 learner-access 스택이 배포되어 있는지, 신뢰 정책에 ScaleLab의 보안 주체가 있는지, ExternalId가 정확히 ${account.externalId}인지 확인하세요.`,
    });
  }
  if (
    /ExpiredToken|InvalidClientTokenId|UnrecognizedClient|SignatureDoesNotMatch|CredentialsProviderError/.test(name)
  ) {
    const profile = account.kind === 'profile' && account.profile;
    return new AccountConnectError(
      'credentials',
      account.kind === 'profile'
        ? {
            en: `The server's AWS credentials${profile ? ` (profile ${profile})` : ''} were not accepted (${name}): ${e.message}`,
            ko: `AWS가 서버의 자격 증명${profile ? `(프로필 ${profile})` : ''}을 받아들이지 않았습니다(${name}): ${e.message}`,
          }
        : {
            en: `AWS did not accept the credentials (${name}): ${e.message}`,
            ko: `AWS가 자격 증명을 받아들이지 않았습니다(${name}): ${e.message}`,
          },
    );
  }
  const said = `${name}: ${e?.message ?? String(err)}`;
  return new AccountConnectError('unknown', { en: said, ko: `AWS 오류 ${said}` });
}
