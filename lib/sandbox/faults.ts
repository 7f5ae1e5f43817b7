import { awsError, type SandboxError } from './errors';

/**
 * A fault injected into matching calls, for reliability tests and benchmarks. Unset fields match everything:
 * `{ kind: 'throttle', service: 'EC2', times: 2 }` throttles the first two EC2 calls.
 */
export interface FaultRule {
  kind: 'throttle' | 'access-denied' | 'latency' | 'server-error';
  service?: string;
  operation?: string;
  region?: string;
  /** Apply to the first N matching calls only (then the rule is spent). */
  times?: number;
  /** Apply to this fraction of matching calls (0..1); default 1. */
  probability?: number;
  /** For `latency`: milliseconds added to each matching call. */
  latencyMs?: number;
}

export interface FaultCall {
  service: string;
  operation: string;
  region: string;
}

/** The error code each service answers when it throttles (all are in the SDK's retryable-throttling list). */
const throttleNames: Record<string, [string, number, string]> = {
  EC2: ['RequestLimitExceeded', 503, 'Request limit exceeded.'],
  S3: ['SlowDown', 503, 'Please reduce your request rate.'],
  DynamoDB: ['ThrottlingException', 400, 'Rate of requests exceeds the allowed throughput.'],
  Lambda: ['TooManyRequestsException', 429, 'Rate exceeded'],
};

/** Services whose access-denied error has its own name. */
const deniedNames: Record<string, [string, number]> = {
  EC2: ['UnauthorizedOperation', 403],
  S3: ['AccessDenied', 403],
  DynamoDB: ['AccessDeniedException', 400],
  Lambda: ['AccessDeniedException', 403],
  SSM: ['AccessDeniedException', 400],
  GuardDuty: ['AccessDeniedException', 403],
  CloudTrail: ['AccessDeniedException', 400],
  ApiGatewayV2: ['AccessDeniedException', 403],
  SQS: ['AccessDenied', 403],
};

const iamService: Record<string, string> = {
  ElasticLoadBalancingV2: 'elasticloadbalancing',
  ApiGatewayV2: 'apigateway',
};

/** The error name and status a service answers AccessDenied with. */
export function accessDeniedName(service: string): [string, number] {
  return deniedNames[service] ?? ['AccessDenied', 403];
}

export function throttlingError(service: string): SandboxError {
  const [name, status, message] = throttleNames[service] ?? ['Throttling', 400, 'Rate exceeded'];
  return awsError(name, message, status);
}

export function accessDeniedError(call: FaultCall, accountId: string): SandboxError {
  const [name, status] = deniedNames[call.service] ?? ['AccessDenied', 403];
  const action = `${iamService[call.service] ?? call.service.toLowerCase()}:${call.operation}`;
  return awsError(
    name,
    `User: arn:aws:sts::${accountId}:assumed-role/ScaleLabGrader/sandbox is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    status,
  );
}

/** The rules of one sandbox, consulted before every call. */
export class Faults {
  private rules: (FaultRule & { used: number })[] = [];

  constructor(
    rules: FaultRule[] = [],
    private readonly random: () => number = Math.random,
  ) {
    for (const r of rules) this.add(r);
  }

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, used: 0 });
  }

  clear(): void {
    this.rules = [];
  }

  /** Wait out injected latency, then throw the first matching error fault (if any). */
  async apply(call: FaultCall, accountId: string): Promise<void> {
    for (const rule of this.rules) {
      if (!matches(rule, call)) continue;
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      rule.used++;
      if (rule.kind === 'latency') {
        await new Promise((resolve) => setTimeout(resolve, rule.latencyMs ?? 100));
        continue;
      }
      if (rule.kind === 'throttle') throw throttlingError(call.service);
      if (rule.kind === 'access-denied') throw accessDeniedError(call, accountId);
      throw awsError(
        call.service === 'EC2' ? 'Unavailable' : 'ServiceUnavailable',
        'Service is unavailable, try again.',
        503,
      );
    }
  }
}

function matches(rule: FaultRule, call: FaultCall): boolean {
  return (
    (!rule.service || rule.service === call.service) &&
    (!rule.operation || rule.operation === call.operation) &&
    (!rule.region || rule.region === call.region)
  );
}
