/**
 * The stage 06 solution as AWS describes it in both regions, shaped by the SDK's output types: stage 05 in us-east-1
 * plus a global table, an Aurora cluster (writer and reader in two AZs) in a global database, Route 53 failover
 * records with a health check, S3 replication, and the same lab stack in us-west-2.
 */
import type { DBCluster, DBInstance } from '@aws-sdk/client-rds';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import { awsError, labStack, STACK } from '../support/aws-fixtures';
import { type AllFixtures, regionalInventory } from '../support/regional-fixtures';
import { ACCOUNT, ALB_DNS, ASG, alb, BUCKET, database } from './lab-fixtures';
import { ITEMS_TABLE, stage05, WORKER_ASG } from './stage-05-fixtures';

export const GLOBAL_TABLE = 'scalelab-test-GlobalTable-6DeF';
export const CLUSTER = 'scalelab-test-auroracluster-7ghi';
export const CLUSTER_ARN = `arn:aws:rds:us-east-1:${ACCOUNT}:cluster:${CLUSTER}`;
export const WEST_CLUSTER_ARN = `arn:aws:rds:us-west-2:${ACCOUNT}:cluster:${CLUSTER}-west`;
export const GLOBAL = 'scalelab-test-global';
export const WEST_ALB_DNS = 'lab-alb-west-987654321.us-west-2.elb.amazonaws.com';
export const ZONE = 'Z0123456789LABZONE';
export const HEALTH_CHECK = 'abcdef11-2222-3333-4444-555555fedcba';
export const REPLICA_BUCKET = 'scalelab-test-replica-us-west-2';

export const auroraInstance = (id: string, az: string, over: Partial<DBInstance> = {}): DBInstance =>
  database({
    DBInstanceIdentifier: id,
    DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:${id}`,
    Engine: 'aurora-mysql',
    DBInstanceClass: 'db.t4g.medium',
    DBClusterIdentifier: CLUSTER,
    MultiAZ: false,
    AvailabilityZone: az,
    SecondaryAvailabilityZone: undefined,
    ...over,
  });

export const auroraCluster = (over: Partial<DBCluster> = {}): DBCluster => ({
  DBClusterIdentifier: CLUSTER,
  DBClusterArn: CLUSTER_ARN,
  Engine: 'aurora-mysql',
  EngineVersion: '8.0.mysql_aurora.3.08.0',
  Status: 'available',
  MultiAZ: true,
  AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
  DBSubnetGroup: 'lab-db-subnets',
  StorageEncrypted: true,
  DBClusterMembers: [
    { DBInstanceIdentifier: `${CLUSTER}-writer`, IsClusterWriter: true, PromotionTier: 1 },
    { DBInstanceIdentifier: `${CLUSTER}-reader`, IsClusterWriter: false, PromotionTier: 1 },
  ],
  GlobalClusterIdentifier: GLOBAL,
  ...over,
});

const alias = (name: string, dns: string, over: Partial<ResourceRecordSet>): ResourceRecordSet => ({
  Name: 'app.example.com.',
  Type: 'A',
  AliasTarget: { HostedZoneId: 'Z35SXDOTRQ7X7K', DNSName: `dualstack.${dns}.`, EvaluateTargetHealth: true },
  SetIdentifier: name,
  ...over,
});
export const primaryRecord = (over: Partial<ResourceRecordSet> = {}) =>
  alias('primary', ALB_DNS, { Failover: 'PRIMARY', HealthCheckId: HEALTH_CHECK, ...over });
export const secondaryRecord = (over: Partial<ResourceRecordSet> = {}) =>
  alias('secondary', WEST_ALB_DNS, { Failover: 'SECONDARY', ...over });
export const recordSets = (...records: ResourceRecordSet[]): AllFixtures['Route53.ListResourceRecordSets'] => ({
  ResourceRecordSets: [
    { Name: 'example.com.', Type: 'NS', TTL: 172800, ResourceRecords: [{ Value: 'ns-1.awsdns-01.org.' }] },
    {
      Name: 'example.com.',
      Type: 'SOA',
      TTL: 900,
      ResourceRecords: [{ Value: 'ns-1.awsdns-01.org. x 1 7200 900 1209600 86400' }],
    },
    ...records,
  ],
  IsTruncated: false,
  MaxItems: 100,
});

const notFound = (what: string) =>
  awsError('ResourceNotFoundException', `Requested resource not found: Table: ${what} not found`);
const table = (name: string, replicas: string[] = []) => ({
  Table: {
    TableName: name,
    TableStatus: 'ACTIVE' as const,
    TableArn: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/${name}`,
    ...(replicas.length
      ? {
          GlobalTableVersion: '2019.11.21',
          Replicas: replicas.map((RegionName) => ({ RegionName, ReplicaStatus: 'ACTIVE' as const })),
        }
      : {}),
  },
});

/** Stage 06 in the lab region. */
export const east06 = (over: AllFixtures = {}): AllFixtures => ({
  ...stage05(),
  'CloudFormation.DescribeStacks': labStack({
    AlbDnsName: ALB_DNS,
    StaticBucket: BUCKET,
    WebAsgName: ASG,
    WorkerAsgName: WORKER_ASG,
    GlobalTable: GLOBAL_TABLE,
  }),
  'DynamoDB.DescribeTable': (input) =>
    input.TableName === GLOBAL_TABLE
      ? table(GLOBAL_TABLE, ['us-west-2'])
      : input.TableName === ITEMS_TABLE
        ? table(ITEMS_TABLE)
        : notFound(String(input.TableName)),
  'RDS.DescribeDBInstances': {
    DBInstances: [auroraInstance(`${CLUSTER}-writer`, 'us-east-1a'), auroraInstance(`${CLUSTER}-reader`, 'us-east-1b')],
  },
  'RDS.DescribeDBClusters': { DBClusters: [auroraCluster()] },
  'RDS.DescribeGlobalClusters': {
    GlobalClusters: [
      {
        GlobalClusterIdentifier: GLOBAL,
        Engine: 'aurora-mysql',
        Status: 'available',
        GlobalClusterMembers: [
          { DBClusterArn: CLUSTER_ARN, IsWriter: true, Readers: [WEST_CLUSTER_ARN] },
          { DBClusterArn: WEST_CLUSTER_ARN, IsWriter: false, Readers: [] },
        ],
      },
    ],
  },
  'Route53.ListHostedZones': {
    HostedZones: [
      { Id: `/hostedzone/${ZONE}`, Name: 'example.com.', CallerReference: 'lab', Config: { PrivateZone: false } },
    ],
    IsTruncated: false,
    MaxItems: 100,
    Marker: '',
  },
  'Route53.ListResourceRecordSets': recordSets(primaryRecord(), secondaryRecord()),
  'Route53.ListHealthChecks': {
    HealthChecks: [
      {
        Id: HEALTH_CHECK,
        CallerReference: 'lab-primary',
        HealthCheckConfig: { Type: 'HTTP', FullyQualifiedDomainName: ALB_DNS, ResourcePath: '/health', Port: 80 },
        HealthCheckVersion: 1,
      },
    ],
    IsTruncated: false,
    MaxItems: 100,
    Marker: '',
  },
  'S3.GetBucketReplication': {
    ReplicationConfiguration: {
      Role: `arn:aws:iam::${ACCOUNT}:role/scalelab-test-ReplicationRole-1`,
      Rules: [
        {
          ID: 'to-second-region',
          Status: 'Enabled',
          Priority: 1,
          Filter: {},
          DeleteMarkerReplication: { Status: 'Disabled' },
          Destination: { Bucket: `arn:aws:s3:::${REPLICA_BUCKET}` },
        },
      ],
    },
  },
  'S3.GetBucketLocation': (input) =>
    input.Bucket === REPLICA_BUCKET
      ? { LocationConstraint: 'us-west-2' }
      : input.Bucket === BUCKET
        ? {}
        : awsError('NoSuchBucket', 'The specified bucket does not exist', 404),
  ...over,
});

/** The same lab stack in the second region, with its own VPC and ALB. */
export const west06 = (over: AllFixtures = {}): AllFixtures => ({
  'CloudFormation.DescribeStacks': {
    Stacks: [
      {
        StackName: STACK,
        StackId: `arn:aws:cloudformation:us-west-2:${ACCOUNT}:stack/${STACK}/9f8e7d6c`,
        StackStatus: 'CREATE_COMPLETE',
        CreationTime: new Date('2026-11-30T10:00:00Z'),
        Outputs: [{ OutputKey: 'VpcId', OutputValue: 'vpc-0west' }],
      },
    ],
  },
  'ElasticLoadBalancingV2.DescribeLoadBalancers': {
    LoadBalancers: [
      alb({
        LoadBalancerArn: `arn:aws:elasticloadbalancing:us-west-2:${ACCOUNT}:loadbalancer/app/lab-alb/0a1b2c3d4e5f6789`,
        DNSName: WEST_ALB_DNS,
        VpcId: 'vpc-0west',
        AvailabilityZones: [
          { ZoneName: 'us-west-2a', SubnetId: 'subnet-west-a' },
          { ZoneName: 'us-west-2b', SubnetId: 'subnet-west-b' },
        ],
      }),
    ],
  },
  ...over,
});

const noStackWest: AllFixtures = {
  'CloudFormation.DescribeStacks': awsError('ValidationError', `Stack with id ${STACK} does not exist`),
};

/** The stage 06 start: stage 05's solution in the lab region, nothing in the second. */
export const east06Start = (over: AllFixtures = {}): AllFixtures => ({
  ...stage05(),
  'DynamoDB.ListTables': { TableNames: ['orders', ITEMS_TABLE] },
  'DynamoDB.DescribeTable': (input) =>
    input.TableName === ITEMS_TABLE ? table(ITEMS_TABLE) : notFound(String(input.TableName)),
  'RDS.DescribeDBClusters': { DBClusters: [] },
  'Route53.ListHostedZones': { HostedZones: [], IsTruncated: false, MaxItems: 100, Marker: '' },
  'Route53.ListHealthChecks': { HealthChecks: [], IsTruncated: false, MaxItems: 100, Marker: '' },
  'S3.GetBucketReplication': awsError(
    'ReplicationConfigurationNotFoundError',
    'The replication configuration was not found',
    404,
  ),
  ...over,
});

/** Both regions of the stage 06 solution (the account lists us-east-1 then us-west-2). */
export const solution06 = (east: AllFixtures = {}, west: AllFixtures = {}) =>
  regionalInventory({ 'us-east-1': east06(east), 'us-west-2': west06(west) });
export const start06 = (east: AllFixtures = {}) =>
  regionalInventory({ 'us-east-1': east06Start(east), 'us-west-2': noStackWest });
export { noStackWest };
