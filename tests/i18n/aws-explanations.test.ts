import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { AccountConnectError, accountOfRoleArn, verifyAccount } from '@/lib/accounts/connect';
import { createClients } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { LOCALE_HEADER } from '@/lib/i18n/locales';
import { refererLocale } from '@/lib/i18n/request-locale';
import { prepareChangeSet } from '@/lib/stacks/change-sets';
import { StackError } from '@/lib/stacks/errors';
import { proxy } from '@/proxy';

const hangul = /[가-힣]/;
const awsError = (name: string, message = 'x', status?: number) =>
  Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('AWS error explanations in both languages', () => {
  it.each([
    ['access-denied', awsError('AccessDeniedException'), { service: 'EC2', operation: 'DescribeInstances' }],
    ['access-denied', awsError('Forbidden', 'no', 403), undefined],
    ['throttled', awsError('ThrottlingException'), { service: 'RDS', operation: 'DescribeDBInstances' }],
    ['timeout', awsError('TimeoutError'), { service: 'ElastiCache', operation: 'DescribeReplicationGroups' }],
    ['credentials', awsError('ExpiredTokenException'), undefined],
    ['other', awsError('ValidationError', 'Stack with id x does not exist'), undefined],
  ] as const)('%s: says it in Korean too, naming the same action', (kind, err, call) => {
    const plain = explainAwsError(err, call);
    expect(plain.kind).toBe(kind);
    expect(plain.reason.ko).toMatch(hangul);
    expect(plain.reason.ko).not.toBe(plain.reason.en);
    if (plain.action) {
      expect(plain.reason.en).toContain(plain.action);
      expect(plain.reason.ko).toContain(plain.action);
    }
    // AWS's own code stays visible in both, so it can be searched for.
    if (kind !== 'throttled' && kind !== 'timeout') expect(plain.reason.ko).toContain(err.name);
  });

  it('names the denied IAM action in both languages', () => {
    const plain = explainAwsError(awsError('AccessDenied'), { service: 'EC2', operation: 'DescribeInstances' });
    expect(plain.reason).toEqual({
      en: 'Permission missing: ec2:DescribeInstances (AWS said AccessDenied).',
      ko: '권한이 없습니다: ec2:DescribeInstances (AWS 응답: AccessDenied).',
    });
  });
});

describe('stack errors in both languages', () => {
  const account = { kind: 'profile' as const, regions: ['us-east-1'] };
  const clientsAnswering = (answer: (operation: string) => unknown) =>
    createClients(account, {
      region: 'us-east-1',
      maxAttempts: 1,
      responder: async (request) => answer((request as { operation?: string }).operation ?? ''),
    });

  it('says what to do with a ROLLBACK_COMPLETE stack in English and Korean', async () => {
    const clients = clientsAnswering(() => ({
      Stacks: [{ StackName: 'scalelab-a', StackStatus: 'ROLLBACK_COMPLETE', CreationTime: new Date() }],
    }));
    const err = await prepareChangeSet({ clients, stackName: 'scalelab-a', templateBody: 'Resources: {}' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StackError);
    const stackError = err as StackError;
    expect(stackError.code).toBe('rollback-complete');
    expect(stackError.in('en')).toMatch(
      /^Stack scalelab-a is in ROLLBACK_COMPLETE: .* Delete it, then launch again\.$/,
    );
    expect(stackError.in('ko')).toBe(
      '스택 scalelab-a이(가) ROLLBACK_COMPLETE 상태입니다. 처음 생성이 실패했고, 이런 스택은 삭제만 할 수 있습니다. 스택을 삭제한 뒤 다시 시작하세요.',
    );
  });

  it('says a busy stack is busy in Korean, and falls back to English where no Korean was given', async () => {
    const clients = clientsAnswering(() => ({
      Stacks: [{ StackName: 'scalelab-a', StackStatus: 'UPDATE_IN_PROGRESS', CreationTime: new Date() }],
    }));
    const err = (await prepareChangeSet({ clients, stackName: 'scalelab-a', templateBody: 'Resources: {}' }).catch(
      (e: unknown) => e,
    )) as StackError;
    expect(err.in('ko')).toBe('스택 scalelab-a이(가) 작업 중입니다(UPDATE_IN_PROGRESS). 끝날 때까지 기다리세요.');
    expect(new StackError('not-found', 'English only').in('ko')).toBe('English only');
  });
});

describe('account connection errors in both languages', () => {
  const role = {
    kind: 'role' as const,
    roleArn: 'arn:aws:iam::123456789012:role/ScaleLabOperator',
    externalId: 'scalelab-x',
    regions: ['us-east-1'],
  };
  const clientsAnswering = (answer: () => unknown) =>
    createClients(role, { region: 'us-east-1', maxAttempts: 1, responder: async () => answer() });

  it('explains a wrong role ARN', () => {
    const err = (() => {
      try {
        accountOfRoleArn('arn:aws:iam::1234:user/me');
      } catch (e) {
        return e as AccountConnectError;
      }
    })();
    expect(err).toBeInstanceOf(AccountConnectError);
    expect(err?.localized.en).toMatch(/is not an IAM role ARN/);
    expect(err?.localized.ko).toMatch(/^"arn:aws:iam::1234:user\/me"은\(는\) IAM 역할 ARN이 아닙니다\./);
  });

  it('explains a refused AssumeRole as the trust policy or the ExternalId, naming the ExternalId in both', async () => {
    const clients = clientsAnswering(() => {
      throw awsError('AccessDenied', 'not authorized to perform sts:AssumeRole');
    });
    const err = (await verifyAccount(role, 'us-east-1', clients).catch((e: unknown) => e)) as AccountConnectError;
    expect(err.code).toBe('trust');
    expect(err.localized.ko).toContain('ExternalId가 정확히 scalelab-x인지');
    expect(err.message).toBe(err.localized.en);
  });

  it('explains a role that answers as another account', async () => {
    const clients = clientsAnswering(() => ({ Account: '210987654321' }));
    const err = (await verifyAccount(role, 'us-east-1', clients).catch((e: unknown) => e)) as AccountConnectError;
    expect(err.localized.ko).toBe(
      '역할 arn:aws:iam::123456789012:role/ScaleLabOperator이(가) 123456789012이(가) 아니라 계정 210987654321(으)로 응답했습니다.',
    );
  });
});

describe("the page's language for a route handler", () => {
  it.each([
    ['http://localhost:3000/ko/labs/00-one-user', 'ko'],
    ['http://localhost:3000/en/labs/00-one-user', 'en'],
    ['http://localhost:3000/fr/x', 'en'],
    [null, 'en'],
    ['not a url', 'en'],
  ])('%s → %s', (referer, expected) => {
    const headers: Record<string, string> = referer ? { referer } : {};
    expect(refererLocale(new Request('http://localhost:3000/api/stacks/events', { headers }))).toBe(expected);
  });
});

describe("the page's language for a server action", () => {
  it('is set by the proxy from the path, over whatever the client sent', async () => {
    const request = new NextRequest('http://localhost:3000/ko/labs/00-one-user', {
      headers: { [LOCALE_HEADER]: 'en' },
    });
    const response = await proxy(request);
    // NextResponse.next({ request: { headers } }) hands the rewritten request headers to the page and its actions.
    expect(response.headers.get(`x-middleware-request-${LOCALE_HEADER}`)).toBe('ko');
  });
});
