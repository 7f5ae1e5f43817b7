/**
 * The stage 04 solution as AWS describes it, shaped by the SDK's output types: stage 03 plus a Multi-AZ cache, a
 * sessions table with TTL, an SSM-managed fleet, a multi-region trail, GuardDuty and a dashboard.
 */
import type { Trail } from '@aws-sdk/client-cloudtrail';
import type { CacheCluster, ReplicationGroup } from '@aws-sdk/client-elasticache';
import type { Account } from '@/lib/aws/account';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { createClients } from '@/lib/aws/clients';
import { Inventory } from '@/lib/inventory';
import { type Fixtures, labStack, STACK } from '../support/aws-fixtures';
import {
  ACCOUNT,
  ALB_DNS,
  ASG,
  asg,
  BUCKET,
  chainGroups,
  fromGroup,
  group,
  stage03,
  webInstance,
} from './lab-fixtures';

export const CACHE = 'scalelab-test-cache';
export const TABLE = 'scalelab-test-SessionTable-1Q2W3E';
export const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${TABLE}`;
export const PROFILE = 'scalelab-test-WebInstanceProfile-9XyZ';
export const PROFILE_ARN = `arn:aws:iam::${ACCOUNT}:instance-profile/${PROFILE}`;
export const ROLE = 'scalelab-test-WebRole-4AbC';
export const SSM_CORE = 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore';
export const TRAIL = 'scalelab-test-trail';
export const DETECTOR = '12abc34d567e8fa901bc2d34e56789f0';
export const LAUNCH_TEMPLATE = 'lt-0web1234567890abc';

/** The web launch template's version as EC2 returns it: the user data base64-encoded, as CloudFormation rendered it. */
export const launchTemplateVersion = (userData: string) => ({
  LaunchTemplateVersions: [
    {
      LaunchTemplateId: LAUNCH_TEMPLATE,
      LaunchTemplateName: 'scalelab-test-WebLaunchTemplate-1AB',
      VersionNumber: 3,
      DefaultVersion: false,
      LaunchTemplateData: { UserData: Buffer.from(userData).toString('base64') },
    },
  ],
});
export const wiredUserData = [
  '#!/bin/bash',
  `Environment=CACHE_HOST=master.${CACHE}.abc123.use1.cache.amazonaws.com`,
  `Environment=SESSION_TABLE=${TABLE}`,
].join('\n');
export const online = (...ids: string[]) => ({
  InstanceInformationList: ids.map((InstanceId) => ({ InstanceId, PingStatus: 'Online' as const })),
});
export const dhmcOff = {
  ServiceSetting: { SettingId: '/ssm/managed-instance/default-ec2-instance-management-role', SettingValue: '$None' },
};

export const cacheGroup = (over: Partial<ReplicationGroup> = {}): ReplicationGroup => ({
  ReplicationGroupId: CACHE,
  Description: 'sessions and hot reads',
  Status: 'available',
  MemberClusters: [`${CACHE}-001`, `${CACHE}-002`],
  NodeGroups: [
    {
      NodeGroupId: '0001',
      Status: 'available',
      PrimaryEndpoint: { Address: `master.${CACHE}.abc123.use1.cache.amazonaws.com`, Port: 6379 },
      ReaderEndpoint: { Address: `replica.${CACHE}.abc123.use1.cache.amazonaws.com`, Port: 6379 },
      NodeGroupMembers: [
        {
          CacheClusterId: `${CACHE}-001`,
          CacheNodeId: '0001',
          PreferredAvailabilityZone: 'us-east-1a',
          CurrentRole: 'primary',
        },
        {
          CacheClusterId: `${CACHE}-002`,
          CacheNodeId: '0001',
          PreferredAvailabilityZone: 'us-east-1b',
          CurrentRole: 'replica',
        },
      ],
    },
  ],
  AutomaticFailover: 'enabled',
  MultiAZ: 'enabled',
  ClusterEnabled: false,
  CacheNodeType: 'cache.t3.micro',
  Engine: 'valkey',
  ARN: `arn:aws:elasticache:us-east-1:${ACCOUNT}:replicationgroup:${CACHE}`,
  ...over,
});

export const cacheNode = (id: string, az: string, over: Partial<CacheCluster> = {}): CacheCluster => ({
  CacheClusterId: id,
  ReplicationGroupId: CACHE,
  CacheNodeType: 'cache.t3.micro',
  Engine: 'valkey',
  CacheClusterStatus: 'available',
  PreferredAvailabilityZone: az,
  CacheSubnetGroupName: 'scalelab-test-cachesubnetgroup',
  SecurityGroups: [{ SecurityGroupId: 'sg-0cache', Status: 'active' }],
  NumCacheNodes: 1,
  ...over,
});

export const trail = (over: Partial<Trail> = {}): Trail => ({
  Name: TRAIL,
  TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/${TRAIL}`,
  S3BucketName: 'scalelab-test-trailbucket-1',
  HomeRegion: 'us-east-1',
  IsMultiRegionTrail: true,
  IncludeGlobalServiceEvents: true,
  LogFileValidationEnabled: true,
  IsOrganizationTrail: false,
  HasCustomEventSelectors: false,
  HasInsightSelectors: false,
  ...over,
});

const profiled = { IamInstanceProfile: { Arn: PROFILE_ARN, Id: 'AIPAEXAMPLEPROFILE' } };

/** The stage 04 solution. */
export const stage04 = (over: Fixtures = {}): Fixtures => ({
  ...stage03(),
  'CloudFormation.DescribeStacks': labStack({
    AlbDnsName: ALB_DNS,
    StaticBucket: BUCKET,
    DistributionDomain: 'd111111abcdef8.cloudfront.net',
    SessionTable: TABLE,
    WebAsgName: ASG,
  }),
  'AutoScaling.DescribeAutoScalingGroups': {
    AutoScalingGroups: [asg({ LaunchTemplate: { LaunchTemplateId: LAUNCH_TEMPLATE, Version: '3' } })],
  },
  'EC2.DescribeLaunchTemplateVersions': launchTemplateVersion(wiredUserData),
  'SSM.DescribeInstanceInformation': online('i-0asg-a', 'i-0asg-b'),
  'SSM.GetServiceSetting': dhmcOff,
  'EC2.DescribeInstances': {
    Reservations: [
      {
        Instances: [webInstance('i-0asg-a', 'us-east-1a', profiled), webInstance('i-0asg-b', 'us-east-1b', profiled)],
      },
    ],
  },
  'EC2.DescribeSecurityGroups': {
    SecurityGroups: [...chainGroups(), group('sg-0cache', [fromGroup(6379, 'sg-0web')])],
  },
  'ElastiCache.DescribeReplicationGroups': { ReplicationGroups: [cacheGroup()] },
  'ElastiCache.DescribeCacheClusters': {
    CacheClusters: [cacheNode(`${CACHE}-001`, 'us-east-1a'), cacheNode(`${CACHE}-002`, 'us-east-1b')],
  },
  'ElastiCache.DescribeCacheSubnetGroups': {
    CacheSubnetGroups: [
      { CacheSubnetGroupName: 'scalelab-test-cachesubnetgroup', VpcId: 'vpc-0lab' },
      { CacheSubnetGroupName: 'other-project', VpcId: 'vpc-0other' },
    ],
  },
  'DynamoDB.ListTables': { TableNames: ['orders', TABLE] },
  'ResourceGroupsTaggingAPI.GetResources': {
    ResourceTagMappingList: [{ ResourceARN: TABLE_ARN, Tags: [{ Key: 'scalelab:lab', Value: STACK }] }],
    PaginationToken: '',
  },
  'DynamoDB.DescribeTimeToLive': { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } },
  'IAM.ListInstanceProfiles': {
    InstanceProfiles: [
      {
        InstanceProfileName: PROFILE,
        InstanceProfileId: 'AIPAEXAMPLEPROFILE',
        Arn: PROFILE_ARN,
        Path: '/',
        CreateDate: new Date('2026-11-23T10:00:00Z'),
        Roles: [
          {
            RoleName: ROLE,
            RoleId: 'AROAEXAMPLEROLE',
            Arn: `arn:aws:iam::${ACCOUNT}:role/${ROLE}`,
            Path: '/',
            CreateDate: new Date('2026-11-23T10:00:00Z'),
          },
        ],
      },
    ],
    IsTruncated: false,
  },
  'IAM.ListAttachedRolePolicies': {
    AttachedPolicies: [{ PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: SSM_CORE }],
    IsTruncated: false,
  },
  'CloudTrail.DescribeTrails': { trailList: [trail()] },
  'CloudTrail.GetTrailStatus': { IsLogging: true },
  'GuardDuty.ListDetectors': { DetectorIds: [DETECTOR] },
  'GuardDuty.GetDetector': {
    Status: 'ENABLED',
    ServiceRole: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty`,
    FindingPublishingFrequency: 'FIFTEEN_MINUTES',
  },
  'CloudWatch.ListDashboards': { DashboardEntries: [{ DashboardName: `${STACK}-fleet`, Size: 2048 }] },
  ...over,
});

/** The stage 04 start (the stage 03 solution) as the stage 04 checks see it: none of their resources exist. */
export const stage04Start = (over: Fixtures = {}): Fixtures =>
  stage04({
    ...stage03(),
    'EC2.DescribeInstances': stage04()['EC2.DescribeInstances'],
    'ElastiCache.DescribeReplicationGroups': { ReplicationGroups: [] },
    'ElastiCache.DescribeCacheClusters': { CacheClusters: [] },
    'ElastiCache.DescribeCacheSubnetGroups': { CacheSubnetGroups: [] },
    'DynamoDB.ListTables': { TableNames: ['orders'] },
    'ResourceGroupsTaggingAPI.GetResources': { ResourceTagMappingList: [], PaginationToken: '' },
    'IAM.ListAttachedRolePolicies': { AttachedPolicies: [], IsTruncated: false },
    'EC2.DescribeLaunchTemplateVersions': launchTemplateVersion('#!/bin/bash\nEnvironment=DB_HOST=db.example'),
    'SSM.DescribeInstanceInformation': { InstanceInformationList: [] },
    'CloudTrail.DescribeTrails': { trailList: [] },
    'GuardDuty.ListDetectors': { DetectorIds: [] },
    'CloudWatch.ListDashboards': { DashboardEntries: [] },
    ...over,
  });

/**
 * An Inventory answered from fixtures, except the calls `vary` answers from their input (a table's TTL, a profile
 * by name, a trail's status): for the cases with several resources that each answer differently.
 */
export function variedInventory(
  fixtures: Fixtures,
  vary: (key: string, input: Record<string, unknown>) => unknown,
  account: Account = { kind: 'profile', regions: ['us-east-1'] },
) {
  const log = new ApiCallLog();
  const clients = createClients(account, {
    region: 'us-east-1',
    log,
    maxAttempts: 1,
    responder: async ({ service, operation, input }) => {
      const key = `${service}.${operation}`;
      const varied = vary(key, input);
      if (varied instanceof Error) throw varied;
      if (varied !== undefined) return varied;
      if (!(key in fixtures)) throw new Error(`No fixture for ${key}`);
      const value = fixtures[key as keyof Fixtures];
      if (value instanceof Error) throw value;
      return value;
    },
  });
  return { inventory: new Inventory(clients, { stackName: STACK }), log };
}
