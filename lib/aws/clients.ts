import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { Route53Client } from '@aws-sdk/client-route-53';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { Account } from './account';
import type { ApiCallLog } from './api-calls';
import { credentialsFor } from './credentials';
import { type HttpFetch, unreachable } from './http-fetch';
import { configuredEndpointFor, learnConfiguredEndpoint, sharedClientConfig } from './shared-config';

const constructors = {
  apigatewayv2: ApiGatewayV2Client,
  autoscaling: AutoScalingClient,
  cloudformation: CloudFormationClient,
  cloudfront: CloudFrontClient,
  cloudtrail: CloudTrailClient,
  cloudwatch: CloudWatchClient,
  dynamodb: DynamoDBClient,
  ec2: EC2Client,
  elbv2: ElasticLoadBalancingV2Client,
  elasticache: ElastiCacheClient,
  guardduty: GuardDutyClient,
  iam: IAMClient,
  lambda: LambdaClient,
  rds: RDSClient,
  route53: Route53Client,
  s3: S3Client,
  sns: SNSClient,
  sqs: SQSClient,
  ssm: SSMClient,
  sts: STSClient,
  tagging: ResourceGroupsTaggingAPIClient,
};

export type ServiceKey = keyof typeof constructors;
export type AwsClients = { readonly [K in ServiceKey]: InstanceType<(typeof constructors)[K]> } & {
  readonly region: string;
  readonly account: Account;
  /**
   * The same account's clients in another region (the lab's second region): same credentials provider, responder and
   * call log, made once per region.
   */
  forRegion(region: string): AwsClients;
  /** HTTP to the account's public addresses (lib/aws/http-fetch): global fetch on AWS, the data plane in the sandbox. */
  readonly fetch: HttpFetch;
};

/** A call as the sandbox (or a test fixture) sees it: the SDK's own command input, before serialization. */
export interface CallRequest {
  service: string;
  operation: string;
  region: string;
  input: Record<string, unknown>;
}

/** Answers SDK commands in-process instead of over the network (the sandbox, unit-test fixtures). */
export type Responder = (request: CallRequest) => Promise<unknown>;

export interface ClientOptions {
  region: string;
  /** Required for a sandbox account; replaces the network for any account (tests). */
  responder?: Responder;
  /** Every call made is recorded here (service, operation, duration, outcome). */
  log?: ApiCallLog;
  /** SDK retry mode: 'adaptive' for grading many accounts, 'standard' otherwise. */
  retryMode?: 'standard' | 'adaptive';
  maxAttempts?: number;
  /** How HTTP reaches the account's public addresses; default: the network (a sandbox without a data plane: nothing). */
  fetch?: HttpFetch;
}

/**
 * One factory for every AWS SDK v3 client the platform uses. Clients are created on first use and share one
 * credentials provider per account. Every caller — stacks, inventory, grading — goes through here, so the sandbox
 * and the call log see the same commands, paginators and waiters that real AWS does.
 */
export function createClients(account: Account, options: ClientOptions): AwsClients {
  if (account.kind === 'sandbox' && !options.responder) {
    throw new Error('A sandbox account needs the sandbox responder (lib/sandbox).');
  }
  const credentials: AwsCredentialIdentityProvider | undefined = options.responder
    ? staticDummy
    : credentialsFor(account);
  const byRegion = new Map<string, AwsClients>();
  const inRegion = (region: string): AwsClients => {
    let clients = byRegion.get(region);
    if (!clients) {
      clients = regionalClients(account, { ...options, region }, credentials, inRegion);
      byRegion.set(region, clients);
    }
    return clients;
  };
  return inRegion(options.region);
}

function regionalClients(
  account: Account,
  options: ClientOptions,
  credentials: AwsCredentialIdentityProvider | undefined,
  forRegion: (region: string) => AwsClients,
): AwsClients {
  const { region, responder, log } = options;
  const endpoint = account.kind === 'sandbox' ? undefined : (account.endpoint ?? process.env.AWS_ENDPOINT_URL);
  const made = new Map<ServiceKey, unknown>();

  function make<K extends ServiceKey>(key: K): InstanceType<(typeof constructors)[K]> {
    const existing = made.get(key);
    if (existing) return existing as InstanceType<(typeof constructors)[K]>;
    const Ctor = constructors[key] as unknown as new (config: object) => InstanceType<(typeof constructors)[K]>;
    const client = new Ctor({
      ...sharedClientConfig(),
      region,
      credentials,
      ...(endpoint ? { endpoint } : configuredEndpointFor(key)),
      retryMode: options.retryMode ?? 'standard',
      maxAttempts: options.maxAttempts ?? 3,
    });
    if (!endpoint) learnConfiguredEndpoint(key, client);
    const stack = (client as unknown as { middlewareStack: MiddlewareStackLike }).middlewareStack;
    stack.add(recordCalls(region, log), { step: 'initialize', name: 'scalelabCallLog', priority: 'high' });
    // The SDK's logger middleware hands every input and output, each filtered through its schema for secrets, to the
    // client's logger — here the SDK's no-op logger: a copy of every describe's output made for nothing. (Warnings the
    // SDK gives through the logger elsewhere are untouched.)
    stack.remove('loggerMiddleware');
    if (responder)
      // After the SDK's retry middleware, so throttling from the sandbox is retried as on AWS; before the signing
      // middleware, which nothing in-process reads (SigV4 was an in-process call's largest CPU cost).
      stack.addRelativeTo(respondInProcess(responder, region), {
        relation: 'before',
        toMiddleware: 'httpSigningMiddleware',
        name: 'scalelabResponder',
      });
    made.set(key, client);
    return client;
  }

  const fetcher =
    options.fetch ??
    (account.kind === 'sandbox'
      ? unreachable('the sandbox simulates AWS resources; these clients have no data plane to send HTTP through')
      : (url: string, init?: RequestInit) => fetch(url, init));
  const clients = { region, account, forRegion, fetch: fetcher } as Record<string, unknown>;
  for (const key of Object.keys(constructors) as ServiceKey[]) {
    Object.defineProperty(clients, key, { get: () => make(key), enumerable: true });
  }
  return clients as AwsClients;
}

const staticDummy: AwsCredentialIdentityProvider = async () => ({ accessKeyId: 'SANDBOX', secretAccessKey: 'SANDBOX' });

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: string; name: string; priority: 'high' | 'low' }): void;
  addRelativeTo(
    middleware: unknown,
    options: { relation: 'before' | 'after'; toMiddleware: string; name: string },
  ): void;
  remove(name: string): boolean;
}
type Next = (args: { input: Record<string, unknown> }) => Promise<{ output: unknown; response?: unknown }>;
type Context = { clientName?: string; commandName?: string };

function names(context: Context) {
  return {
    service: (context.clientName ?? 'Unknown').replace(/Client$/, ''),
    operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''),
  };
}

function recordCalls(region: string, log?: ApiCallLog) {
  return (next: Next, context: Context) => async (args: { input: Record<string, unknown> }) => {
    const started = performance.now();
    const at = Date.now();
    const { service, operation } = names(context);
    try {
      const result = await next(args);
      log?.record({ service, operation, region, at, ms: performance.now() - started, outcome: 'ok' });
      return result;
    } catch (err) {
      log?.record({ service, operation, region, at, ms: performance.now() - started, outcome: (err as Error).name });
      throw tagFailedCall(err, service, operation);
    }
  };
}

function respondInProcess(responder: Responder, region: string) {
  return (_next: Next, context: Context) => async (args: { input: Record<string, unknown> }) => {
    const output = (await responder({ ...names(context), region, input: args.input })) as Record<string, unknown>;
    return { output: { $metadata: { httpStatusCode: 200 }, ...output }, response: {} };
  };
}

/** Remember on the error which call failed, so "AccessDenied" can name the missing IAM action. */
function tagFailedCall(err: unknown, service: string, operation: string): unknown {
  if (err && typeof err === 'object' && !('$call' in err)) {
    Object.defineProperty(err, '$call', { value: { service, operation }, enumerable: false });
  }
  return err;
}
