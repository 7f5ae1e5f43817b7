import type { Localized } from '@/lib/i18n/locales';

/** IAM action prefixes of the services we call, for "missing permission ec2:DescribeInstances". */
const iamPrefix: Record<string, string> = {
  EC2: 'ec2',
  RDS: 'rds',
  CloudFormation: 'cloudformation',
  ElasticLoadBalancingV2: 'elasticloadbalancing',
  AutoScaling: 'autoscaling',
  S3: 's3',
  CloudFront: 'cloudfront',
  ElastiCache: 'elasticache',
  DynamoDB: 'dynamodb',
  SQS: 'sqs',
  SNS: 'sns',
  IAM: 'iam',
  CloudWatch: 'cloudwatch',
  Route53: 'route53',
  CloudTrail: 'cloudtrail',
  GuardDuty: 'guardduty',
  SSM: 'ssm',
  Lambda: 'lambda',
  ApiGatewayV2: 'apigateway',
  STS: 'sts',
  ResourceGroupsTaggingAPI: 'tag',
};

const ACCESS_DENIED = /AccessDenied|UnauthorizedOperation|AuthorizationError|AccessDeniedException|Forbidden/;
const THROTTLED = /Throttl|RequestLimitExceeded|TooManyRequests|SlowDown|RateExceeded/;

export type AwsErrorKind = 'access-denied' | 'throttled' | 'timeout' | 'credentials' | 'other';

export interface PlainAwsError {
  kind: AwsErrorKind;
  /** The IAM action that was denied, when we know which call failed: `ec2:DescribeInstances`. */
  action?: string;
  reason: Localized;
}

/** What the last failed call was, read from the call log, so a denial names its action. */
export interface FailedCall {
  service: string;
  operation: string;
}

/**
 * Turn an error thrown by an AWS call into a sentence a learner can act on. An error is never a learner's failure:
 * a check that meets one reports `error` with this reason, and the run never unlocks on it.
 */
export function explainAwsError(err: unknown, failedCall?: FailedCall): PlainAwsError {
  const e = err as Error & { $metadata?: { httpStatusCode?: number }; $call?: FailedCall };
  const failed = failedCall ?? e?.$call;
  const name = e?.name ?? 'Error';
  const action = failed
    ? `${iamPrefix[failed.service] ?? failed.service.toLowerCase()}:${failed.operation}`
    : undefined;
  if (ACCESS_DENIED.test(name) || e.$metadata?.httpStatusCode === 403) {
    return {
      kind: 'access-denied',
      action,
      reason: action
        ? {
            en: `Permission missing: ${action} (AWS said ${name}).`,
            ko: `권한이 없습니다: ${action} (AWS 응답: ${name}).`,
          }
        : { en: `AWS denied a call (${name}): ${e.message}`, ko: `AWS가 호출을 거부했습니다 (${name}): ${e.message}` },
    };
  }
  if (THROTTLED.test(name) || e.$metadata?.httpStatusCode === 429) {
    return {
      kind: 'throttled',
      action,
      reason: {
        en: `AWS throttled ${action ?? 'a call'} even after retries; run the checks again in a minute.`,
        ko: `재시도 후에도 AWS가 ${action ?? '호출'}을 제한했습니다. 1분 뒤 다시 검사하세요.`,
      },
    };
  }
  if (name === 'TimeoutError' || name === 'AbortError') {
    return {
      kind: 'timeout',
      action,
      reason: {
        en: `${action ?? 'An AWS call'} timed out.`,
        ko: `${action ?? 'AWS 호출'}이 시간 안에 끝나지 않았습니다.`,
      },
    };
  }
  if (/ExpiredToken|CredentialsProviderError|InvalidClientTokenId|UnrecognizedClient/.test(name)) {
    return {
      kind: 'credentials',
      action,
      reason: {
        en: `The account's credentials were not accepted (${name}): reconnect the account.`,
        ko: `계정 자격 증명이 거부되었습니다 (${name}). 계정을 다시 연결하세요.`,
      },
    };
  }
  return {
    kind: 'other',
    action,
    // AWS's own words, which have no Korean: said as an AWS error, with its code, on a Korean page.
    reason: { en: `${name}: ${e?.message ?? String(err)}`, ko: `AWS 오류 ${name}: ${e?.message ?? String(err)}` },
  };
}
