/**
 * Fixture clients for the stage 05–06 reads: describe outputs keyed `Service.Operation` (typed by the SDK's output
 * shapes), per region, and optionally answered from the call's input (one queue's attributes, one zone's records).
 */
import type { GetApisCommandOutput, GetIntegrationsCommandOutput } from '@aws-sdk/client-apigatewayv2';
import type { DescribeTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { DescribeVpcEndpointsCommandOutput } from '@aws-sdk/client-ec2';
import type { GetFunctionCommandOutput, ListFunctionsCommandOutput } from '@aws-sdk/client-lambda';
import type { DescribeDBClustersCommandOutput, DescribeGlobalClustersCommandOutput } from '@aws-sdk/client-rds';
import type {
  ListHealthChecksCommandOutput,
  ListHostedZonesCommandOutput,
  ListResourceRecordSetsCommandOutput,
} from '@aws-sdk/client-route-53';
import type { GetBucketLocationCommandOutput, GetBucketReplicationCommandOutput } from '@aws-sdk/client-s3';
import type { ListSubscriptionsByTopicCommandOutput, ListTopicsCommandOutput } from '@aws-sdk/client-sns';
import type {
  GetQueueAttributesCommandOutput,
  GetQueueUrlCommandOutput,
  ListQueuesCommandOutput,
} from '@aws-sdk/client-sqs';
import type { Account } from '@/lib/aws/account';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { createClients } from '@/lib/aws/clients';
import { Inventory } from '@/lib/inventory';
import { type Fixtures, STACK } from './aws-fixtures';

type Out<T> = Omit<T, '$metadata'>;
/** A fixed answer, an error to throw, or an answer computed from the call's input. */
type Answer<T> = Out<T> | Error | ((input: Record<string, unknown>) => Out<T> | Error);

export interface LaterFixtures {
  'SQS.ListQueues'?: Answer<ListQueuesCommandOutput>;
  'SQS.GetQueueAttributes'?: Answer<GetQueueAttributesCommandOutput>;
  'SQS.GetQueueUrl'?: Answer<GetQueueUrlCommandOutput>;
  'SNS.ListTopics'?: Answer<ListTopicsCommandOutput>;
  'SNS.ListSubscriptionsByTopic'?: Answer<ListSubscriptionsByTopicCommandOutput>;
  'EC2.DescribeVpcEndpoints'?: Answer<DescribeVpcEndpointsCommandOutput>;
  'ApiGatewayV2.GetApis'?: Answer<GetApisCommandOutput>;
  'ApiGatewayV2.GetIntegrations'?: Answer<GetIntegrationsCommandOutput>;
  'Lambda.GetFunction'?: Answer<GetFunctionCommandOutput>;
  'Lambda.ListFunctions'?: Answer<ListFunctionsCommandOutput>;
  'DynamoDB.DescribeTable'?: Answer<DescribeTableCommandOutput>;
  'RDS.DescribeDBClusters'?: Answer<DescribeDBClustersCommandOutput>;
  'RDS.DescribeGlobalClusters'?: Answer<DescribeGlobalClustersCommandOutput>;
  'Route53.ListHostedZones'?: Answer<ListHostedZonesCommandOutput>;
  'Route53.ListResourceRecordSets'?: Answer<ListResourceRecordSetsCommandOutput>;
  'Route53.ListHealthChecks'?: Answer<ListHealthChecksCommandOutput>;
  'S3.GetBucketReplication'?: Answer<GetBucketReplicationCommandOutput>;
  'S3.GetBucketLocation'?: Answer<GetBucketLocationCommandOutput>;
}

export type AllFixtures = Fixtures & LaterFixtures;

/**
 * An Inventory of the first region whose clients (and their `forRegion` siblings) are answered from each region's
 * fixtures; an unexpected call fails the test.
 */
export function regionalInventory(
  byRegion: Record<string, AllFixtures>,
  account: Account = { kind: 'profile', regions: Object.keys(byRegion) },
) {
  const log = new ApiCallLog();
  const [first = 'us-east-1'] = Object.keys(byRegion);
  const clients = createClients(account, {
    region: first,
    log,
    maxAttempts: 1,
    responder: async ({ service, operation, region, input }) => {
      const key = `${service}.${operation}`;
      const fixtures = byRegion[region] as Record<string, unknown> | undefined;
      if (!fixtures || !(key in fixtures)) throw new Error(`No fixture for ${key} in ${region}`);
      const value = fixtures[key];
      const answer = typeof value === 'function' ? (value as (i: Record<string, unknown>) => unknown)(input) : value;
      if (answer instanceof Error) throw answer;
      return answer;
    },
  });
  return { inventory: new Inventory(clients, { stackName: STACK }), log };
}

/** One region's inventory (the lab region only: the account names no second region). */
export const oneRegion = (fixtures: AllFixtures) =>
  regionalInventory({ 'us-east-1': fixtures }, { kind: 'profile', regions: ['us-east-1'] });
