import type {
  DescribeAutoScalingGroupsCommandOutput,
  DescribePoliciesCommandOutput,
} from '@aws-sdk/client-auto-scaling';
import type { DescribeStacksCommandOutput } from '@aws-sdk/client-cloudformation';
import type {
  CreateOriginAccessControlCommandOutput,
  DeleteOriginAccessControlCommandOutput,
  ListDistributionsCommandOutput,
} from '@aws-sdk/client-cloudfront';
import type { DescribeTrailsCommandOutput, GetTrailStatusCommandOutput } from '@aws-sdk/client-cloudtrail';
import type { DescribeAlarmsCommandOutput, ListDashboardsCommandOutput } from '@aws-sdk/client-cloudwatch';
import type { DescribeTimeToLiveCommandOutput, ListTablesCommandOutput } from '@aws-sdk/client-dynamodb';
import type {
  DescribeAddressesCommandOutput,
  DescribeInstancesCommandOutput,
  DescribeLaunchTemplateVersionsCommandOutput,
  DescribeRouteTablesCommandOutput,
  DescribeSecurityGroupsCommandOutput,
  DescribeSubnetsCommandOutput,
  DescribeVpcsCommandOutput,
} from '@aws-sdk/client-ec2';
import type {
  DescribeLoadBalancersCommandOutput,
  DescribeTargetGroupsCommandOutput,
  DescribeTargetHealthCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type {
  DescribeCacheClustersCommandOutput,
  DescribeCacheSubnetGroupsCommandOutput,
  DescribeReplicationGroupsCommandOutput,
} from '@aws-sdk/client-elasticache';
import type { GetDetectorCommandOutput, ListDetectorsCommandOutput } from '@aws-sdk/client-guardduty';
import type {
  ListAttachedRolePoliciesCommandOutput,
  ListInstanceProfilesCommandOutput,
  SimulatePrincipalPolicyCommandOutput,
} from '@aws-sdk/client-iam';
import type { DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import type { GetResourcesCommandOutput } from '@aws-sdk/client-resource-groups-tagging-api';
import type {
  GetBucketPolicyCommandOutput,
  GetPublicAccessBlockCommandOutput,
  ListBucketsCommandOutput,
} from '@aws-sdk/client-s3';
import type { DescribeInstanceInformationCommandOutput, GetServiceSettingCommandOutput } from '@aws-sdk/client-ssm';
import type { GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';
import type { Account } from '@/lib/aws/account';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { createClients } from '@/lib/aws/clients';
import { Inventory } from '@/lib/inventory';

type Out<T> = Omit<T, '$metadata'> | Error;

/** Describe outputs keyed `Service.Operation`, typed by the SDK's own output shapes. */
export interface Fixtures {
  'CloudFormation.DescribeStacks'?: Out<DescribeStacksCommandOutput>;
  'EC2.DescribeVpcs'?: Out<DescribeVpcsCommandOutput>;
  'EC2.DescribeInstances'?: Out<DescribeInstancesCommandOutput>;
  'EC2.DescribeSecurityGroups'?: Out<DescribeSecurityGroupsCommandOutput>;
  'EC2.DescribeAddresses'?: Out<DescribeAddressesCommandOutput>;
  'EC2.DescribeSubnets'?: Out<DescribeSubnetsCommandOutput>;
  'EC2.DescribeRouteTables'?: Out<DescribeRouteTablesCommandOutput>;
  'RDS.DescribeDBInstances'?: Out<DescribeDBInstancesCommandOutput>;
  'STS.GetCallerIdentity'?: Out<GetCallerIdentityCommandOutput>;
  'IAM.SimulatePrincipalPolicy'?: Out<SimulatePrincipalPolicyCommandOutput>;
  'ElasticLoadBalancingV2.DescribeLoadBalancers'?: Out<DescribeLoadBalancersCommandOutput>;
  'ElasticLoadBalancingV2.DescribeTargetGroups'?: Out<DescribeTargetGroupsCommandOutput>;
  'ElasticLoadBalancingV2.DescribeTargetHealth'?: Out<DescribeTargetHealthCommandOutput>;
  'AutoScaling.DescribeAutoScalingGroups'?: Out<DescribeAutoScalingGroupsCommandOutput>;
  'AutoScaling.DescribePolicies'?: Out<DescribePoliciesCommandOutput>;
  'S3.ListBuckets'?: Out<ListBucketsCommandOutput>;
  'S3.GetPublicAccessBlock'?: Out<GetPublicAccessBlockCommandOutput>;
  'S3.GetBucketPolicy'?: Out<GetBucketPolicyCommandOutput>;
  'CloudFront.ListDistributions'?: Out<ListDistributionsCommandOutput>;
  'CloudFront.CreateOriginAccessControl'?: Out<CreateOriginAccessControlCommandOutput>;
  'CloudFront.DeleteOriginAccessControl'?: Out<DeleteOriginAccessControlCommandOutput>;
  'EC2.DescribeLaunchTemplateVersions'?: Out<DescribeLaunchTemplateVersionsCommandOutput>;
  'SSM.DescribeInstanceInformation'?: Out<DescribeInstanceInformationCommandOutput>;
  'SSM.GetServiceSetting'?: Out<GetServiceSettingCommandOutput>;
  'CloudWatch.DescribeAlarms'?: Out<DescribeAlarmsCommandOutput>;
  'ElastiCache.DescribeReplicationGroups'?: Out<DescribeReplicationGroupsCommandOutput>;
  'ElastiCache.DescribeCacheClusters'?: Out<DescribeCacheClustersCommandOutput>;
  'ElastiCache.DescribeCacheSubnetGroups'?: Out<DescribeCacheSubnetGroupsCommandOutput>;
  'DynamoDB.ListTables'?: Out<ListTablesCommandOutput>;
  'DynamoDB.DescribeTimeToLive'?: Out<DescribeTimeToLiveCommandOutput>;
  'ResourceGroupsTaggingAPI.GetResources'?: Out<GetResourcesCommandOutput>;
  'IAM.ListInstanceProfiles'?: Out<ListInstanceProfilesCommandOutput>;
  'IAM.ListAttachedRolePolicies'?: Out<ListAttachedRolePoliciesCommandOutput>;
  'CloudTrail.DescribeTrails'?: Out<DescribeTrailsCommandOutput>;
  'CloudTrail.GetTrailStatus'?: Out<GetTrailStatusCommandOutput>;
  'GuardDuty.ListDetectors'?: Out<ListDetectorsCommandOutput>;
  'GuardDuty.GetDetector'?: Out<GetDetectorCommandOutput>;
  'CloudWatch.ListDashboards'?: Out<ListDashboardsCommandOutput>;
}

/** An AWS error as the SDK throws it: a name, a message, the HTTP status. */
export function awsError(name: string, message = name, status = 400): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
}

export const STACK = 'scalelab-test';

/** An Inventory whose SDK clients are answered from fixtures; an unexpected call fails the test. */
export function fixtureInventory(fixtures: Fixtures, account: Account = { kind: 'profile', regions: ['us-east-1'] }) {
  const log = new ApiCallLog();
  const clients = fixtureClients(fixtures, account, log);
  return { inventory: new Inventory(clients, { stackName: STACK }), log };
}

/** SDK clients answered from fixtures; an unexpected call fails the test. */
export function fixtureClients(
  fixtures: Fixtures,
  account: Account = { kind: 'profile', regions: ['us-east-1'] },
  log = new ApiCallLog(),
) {
  return createClients(account, {
    region: 'us-east-1',
    log,
    maxAttempts: 1,
    responder: async ({ service, operation }) => {
      const key = `${service}.${operation}` as keyof Fixtures;
      if (!(key in fixtures)) throw new Error(`No fixture for ${key}`);
      const value = fixtures[key];
      if (value instanceof Error) throw value;
      return value;
    },
  });
}

/** No lab stack and no tagged VPC: what a learner who has not launched anything has. */
export const nothingDeployed: Fixtures = {
  'CloudFormation.DescribeStacks': awsError('ValidationError', `Stack with id ${STACK} does not exist`),
  'EC2.DescribeVpcs': { Vpcs: [] },
};

export const labStack = (outputs: Record<string, string> = {}): Fixtures['CloudFormation.DescribeStacks'] => ({
  Stacks: [
    {
      StackName: STACK,
      StackStatus: 'CREATE_COMPLETE',
      CreationTime: new Date('2026-11-23T10:00:00Z'),
      Outputs: Object.entries({ VpcId: 'vpc-0lab', ...outputs }).map(([OutputKey, OutputValue]) => ({
        OutputKey,
        OutputValue,
      })),
    },
  ],
});

/** A learner's lab that passes every stage-00 check (the HTTP probe is skipped: these are sandbox accounts). */
export function passingLab(accountId: string): Fixtures {
  return {
    'STS.GetCallerIdentity': {
      Account: accountId,
      Arn: `arn:aws:sts::${accountId}:assumed-role/grader/s`,
      UserId: 'AROA',
    },
    'CloudFormation.DescribeStacks': labStack({ AppUrl: 'http://127.0.0.1:9/' }),
    'EC2.DescribeInstances': {
      Reservations: [
        {
          Instances: [
            {
              InstanceId: 'i-0web',
              VpcId: 'vpc-0lab',
              // Scaled up from the t3.micro stage 00 launches (ec2.scaled-up).
              InstanceType: 't3.small',
              State: { Name: 'running' },
              MetadataOptions: { HttpTokens: 'required' },
              Tags: [{ Key: 'scalelab:role', Value: 'web' }],
            },
          ],
        },
      ],
    },
    'EC2.DescribeSecurityGroups': { SecurityGroups: [{ GroupId: 'sg-0web', VpcId: 'vpc-0lab', IpPermissions: [] }] },
    'EC2.DescribeAddresses': {
      Addresses: [{ AllocationId: 'eipalloc-1', PublicIp: '203.0.113.1', InstanceId: 'i-0web' }],
    },
  };
}
