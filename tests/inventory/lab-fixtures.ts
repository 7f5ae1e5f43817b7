/**
 * The stage 02 and 03 solutions as AWS describes them, shaped by the SDK's output types: shared by the check tests
 * (tests/checks/stage-02|03.test.ts) and the Inventory relationship tests (tests/inventory/*.test.ts).
 */
import type { AutoScalingGroup, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { DistributionSummary, Origin } from '@aws-sdk/client-cloudfront';
import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Instance, RouteTable, SecurityGroup, Subnet } from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBInstance } from '@aws-sdk/client-rds';
import { type Fixtures, labStack } from '../support/aws-fixtures';

export const ACCOUNT = '111122223333';
export const ALB_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/lab-alb/50dc6c495c0c9188`;
export const TG_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/lab-web/73e2d6bc24d8a067`;
export const ALB_DNS = 'lab-alb-1234567890.us-east-1.elb.amazonaws.com';
export const BUCKET = 'scalelab-test-staticbucket-1a2b3c4d5e6f';
export const DIST_ID = 'E1LABSTATIC';
export const DIST_ARN = `arn:aws:cloudfront::${ACCOUNT}:distribution/${DIST_ID}`;
export const ASG = 'scalelab-test-WebAsg-AbC123';

export const webInstance = (id: string, az: string, over: Partial<Instance> = {}): Instance => ({
  InstanceId: id,
  InstanceType: 't3.micro',
  State: { Name: 'running', Code: 16 },
  VpcId: 'vpc-0lab',
  PrivateIpAddress: az.endsWith('a') ? '10.0.1.10' : '10.0.2.10',
  Placement: { AvailabilityZone: az },
  SecurityGroups: [{ GroupId: 'sg-0web', GroupName: 'web' }],
  MetadataOptions: { HttpTokens: 'required' },
  Tags: [{ Key: 'scalelab:role', Value: 'web' }],
  ...over,
});

export const group = (GroupId: string, IpPermissions: SecurityGroup['IpPermissions']): SecurityGroup => ({
  GroupId,
  GroupName: GroupId.replace('sg-0', ''),
  VpcId: 'vpc-0lab',
  IpPermissions,
});
export const fromGroup = (port: number, groupId: string) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  UserIdGroupPairs: [{ GroupId: groupId }],
});
export const fromCidr = (port: number, cidr: string) => ({
  IpProtocol: 'tcp',
  FromPort: port,
  ToPort: port,
  IpRanges: [{ CidrIp: cidr }],
});

/** The three links of stage 02: ALB from the world, web from the ALB, DB from web. */
export const chainGroups = (): SecurityGroup[] => [
  group('sg-0alb', [fromCidr(80, '0.0.0.0/0')]),
  group('sg-0web', [fromGroup(80, 'sg-0alb')]),
  group('sg-0db', [fromGroup(3306, 'sg-0web')]),
];

export const alb = (over: Partial<LoadBalancer> = {}): LoadBalancer => ({
  LoadBalancerArn: ALB_ARN,
  LoadBalancerName: 'lab-alb',
  DNSName: ALB_DNS,
  Type: 'application',
  Scheme: 'internet-facing',
  VpcId: 'vpc-0lab',
  State: { Code: 'active' },
  SecurityGroups: ['sg-0alb'],
  AvailabilityZones: [
    { ZoneName: 'us-east-1a', SubnetId: 'subnet-pub-a' },
    { ZoneName: 'us-east-1b', SubnetId: 'subnet-pub-b' },
  ],
  ...over,
});

export const targetGroup = (over: Partial<TargetGroup> = {}): TargetGroup => ({
  TargetGroupArn: TG_ARN,
  TargetGroupName: 'lab-web',
  Protocol: 'HTTP',
  Port: 80,
  VpcId: 'vpc-0lab',
  TargetType: 'instance',
  HealthCheckPath: '/health',
  LoadBalancerArns: [ALB_ARN],
  ...over,
});

export const target = (
  id: string,
  State: 'healthy' | 'unhealthy' | 'initial' = 'healthy',
): TargetHealthDescription => ({
  Target: { Id: id, Port: 80 },
  HealthCheckPort: '80',
  TargetHealth: State === 'healthy' ? { State } : { State, Reason: 'Target.FailedHealthChecks' },
});

export const database = (over: Partial<DBInstance> = {}): DBInstance => ({
  DBInstanceIdentifier: 'lab-db',
  DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:lab-db`,
  Engine: 'mysql',
  DBInstanceClass: 'db.t3.micro',
  DBInstanceStatus: 'available',
  MultiAZ: true,
  AvailabilityZone: 'us-east-1a',
  SecondaryAvailabilityZone: 'us-east-1b',
  PubliclyAccessible: false,
  StorageEncrypted: true,
  BackupRetentionPeriod: 1,
  Endpoint: { Address: 'lab-db.abc.us-east-1.rds.amazonaws.com', Port: 3306 },
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db', Status: 'active' }],
  DBSubnetGroup: {
    DBSubnetGroupName: 'lab-db-subnets',
    VpcId: 'vpc-0lab',
    Subnets: [{ SubnetIdentifier: 'subnet-priv-a' }, { SubnetIdentifier: 'subnet-priv-b' }],
  },
  ...over,
});

export const replica = (over: Partial<DBInstance> = {}): DBInstance =>
  database({
    DBInstanceIdentifier: 'lab-db-replica-1',
    DBInstanceArn: `arn:aws:rds:us-east-1:${ACCOUNT}:db:lab-db-replica-1`,
    ReadReplicaSourceDBInstanceIdentifier: 'lab-db',
    MultiAZ: false,
    AvailabilityZone: 'us-east-1b',
    SecondaryAvailabilityZone: undefined,
    BackupRetentionPeriod: 0,
    ...over,
  });

export const subnets: Subnet[] = [
  { SubnetId: 'subnet-pub-a', VpcId: 'vpc-0lab', AvailabilityZone: 'us-east-1a', CidrBlock: '10.0.1.0/24' },
  { SubnetId: 'subnet-pub-b', VpcId: 'vpc-0lab', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.2.0/24' },
  { SubnetId: 'subnet-priv-a', VpcId: 'vpc-0lab', AvailabilityZone: 'us-east-1a', CidrBlock: '10.0.11.0/24' },
  { SubnetId: 'subnet-priv-b', VpcId: 'vpc-0lab', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.12.0/24' },
];

export const routeTables: RouteTable[] = [
  {
    RouteTableId: 'rtb-public',
    VpcId: 'vpc-0lab',
    Associations: [{ SubnetId: 'subnet-pub-a' }, { SubnetId: 'subnet-pub-b' }],
    Routes: [{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }],
  },
  { RouteTableId: 'rtb-main', VpcId: 'vpc-0lab', Associations: [{ Main: true }], Routes: [] },
];

/** The stage 02 solution: an ALB over two AZs, one web instance per AZ behind it, a Multi-AZ database. */
export const stage02 = (over: Fixtures = {}): Fixtures => ({
  'CloudFormation.DescribeStacks': labStack({ AlbDnsName: ALB_DNS, AppUrl: `http://${ALB_DNS}/` }),
  'EC2.DescribeInstances': {
    Reservations: [{ Instances: [webInstance('i-0web-a', 'us-east-1a'), webInstance('i-0web-b', 'us-east-1b')] }],
  },
  'EC2.DescribeSecurityGroups': { SecurityGroups: chainGroups() },
  'EC2.DescribeRouteTables': { RouteTables: routeTables },
  'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [alb()] },
  'ElasticLoadBalancingV2.DescribeTargetGroups': { TargetGroups: [targetGroup()] },
  'ElasticLoadBalancingV2.DescribeTargetHealth': {
    TargetHealthDescriptions: [target('i-0web-a'), target('i-0web-b')],
  },
  'RDS.DescribeDBInstances': { DBInstances: [database()] },
  // Nothing tagged scalelab:lab by hand (the lab rule's second tier, asked when the stack names nothing).
  'ResourceGroupsTaggingAPI.GetResources': { ResourceTagMappingList: [] },
  ...over,
});

/** The stage 01 solution (stage 02's start): one web instance open to the world, a single-AZ database, no ALB. */
export const stage01 = (over: Fixtures = {}): Fixtures => ({
  ...stage02(),
  'CloudFormation.DescribeStacks': labStack({ AppUrl: 'http://203.0.113.10/' }),
  'EC2.DescribeInstances': { Reservations: [{ Instances: [webInstance('i-0web', 'us-east-1a')] }] },
  'EC2.DescribeSecurityGroups': {
    SecurityGroups: [group('sg-0web', [fromCidr(80, '0.0.0.0/0')]), group('sg-0db', [fromGroup(3306, 'sg-0web')])],
  },
  'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [] },
  'ElasticLoadBalancingV2.DescribeTargetGroups': { TargetGroups: [] },
  'RDS.DescribeDBInstances': { DBInstances: [database({ MultiAZ: false, SecondaryAvailabilityZone: undefined })] },
  ...over,
});

export const asg = (over: Partial<AutoScalingGroup> = {}): AutoScalingGroup => ({
  AutoScalingGroupName: ASG,
  AutoScalingGroupARN: `arn:aws:autoscaling:us-east-1:${ACCOUNT}:autoScalingGroup:uuid:autoScalingGroupName/${ASG}`,
  MinSize: 2,
  MaxSize: 4,
  DesiredCapacity: 2,
  DefaultCooldown: 300,
  AvailabilityZones: ['us-east-1a', 'us-east-1b'],
  VPCZoneIdentifier: 'subnet-pub-a,subnet-pub-b',
  HealthCheckType: 'ELB',
  HealthCheckGracePeriod: 120,
  TargetGroupARNs: [TG_ARN],
  CreatedTime: new Date('2026-11-23T10:00:00Z'),
  Instances: [
    {
      InstanceId: 'i-0asg-a',
      AvailabilityZone: 'us-east-1a',
      LifecycleState: 'InService',
      HealthStatus: 'Healthy',
      ProtectedFromScaleIn: false,
    },
    {
      InstanceId: 'i-0asg-b',
      AvailabilityZone: 'us-east-1b',
      LifecycleState: 'InService',
      HealthStatus: 'Healthy',
      ProtectedFromScaleIn: false,
    },
  ],
  ...over,
});

export const targetTracking = (over: Partial<ScalingPolicy> = {}): ScalingPolicy => ({
  AutoScalingGroupName: ASG,
  PolicyName: 'cpu-50',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: {
    PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
    TargetValue: 50,
  },
  ...over,
});

export const s3Origin = (over: Partial<Origin> = {}): Origin => ({
  Id: 'static',
  DomainName: `${BUCKET}.s3.us-east-1.amazonaws.com`,
  OriginPath: '',
  S3OriginConfig: { OriginAccessIdentity: '' },
  OriginAccessControlId: 'E2OACSTATIC',
  ...over,
});

export const distribution = (over: Partial<DistributionSummary> = {}): DistributionSummary => ({
  Id: DIST_ID,
  ARN: DIST_ARN,
  Status: 'Deployed',
  LastModifiedTime: new Date('2026-11-23T10:00:00Z'),
  DomainName: 'd111111abcdef8.cloudfront.net',
  Aliases: { Quantity: 0 },
  Origins: { Quantity: 1, Items: [s3Origin()] },
  DefaultCacheBehavior: { TargetOriginId: 'static', ViewerProtocolPolicy: 'redirect-to-https' },
  CacheBehaviors: { Quantity: 0 },
  CustomErrorResponses: { Quantity: 0 },
  Comment: 'scalelab-test static content',
  PriceClass: 'PriceClass_100',
  Enabled: true,
  ViewerCertificate: { CloudFrontDefaultCertificate: true },
  Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
  WebACLId: '',
  HttpVersion: 'http2',
  IsIPV6Enabled: true,
  Staging: false,
  ...over,
});

export const cloudFrontOnlyPolicy = (sourceArn: string | string[] = DIST_ARN) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowCloudFrontServicePrincipalReadOnly',
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: `arn:aws:s3:::${BUCKET}/*`,
        Condition: { StringEquals: { 'AWS:SourceArn': sourceArn } },
      },
      {
        Sid: 'DenyInsecureTransport',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });

export const alarm = (over: Partial<MetricAlarm> = {}): MetricAlarm => ({
  AlarmName: 'scalelab-test-fleet-cpu-high',
  Namespace: 'AWS/EC2',
  MetricName: 'CPUUtilization',
  Dimensions: [{ Name: 'AutoScalingGroupName', Value: ASG }],
  Statistic: 'Average',
  Period: 300,
  EvaluationPeriods: 2,
  Threshold: 80,
  ComparisonOperator: 'GreaterThanThreshold',
  StateValue: 'OK',
  ...over,
});

/** The alarm target tracking makes by itself: it must not count as the learner's fleet alarm. */
export const managedAlarm = alarm({
  AlarmName: `TargetTracking-${ASG}-AlarmHigh-0f1e2d3c`,
  Threshold: 50,
});

/** The stage 03 solution: stage 02 with the web tier as an ASG, a read replica, S3 + CloudFront, an alarm. */
export const stage03 = (over: Fixtures = {}): Fixtures => ({
  ...stage02(),
  'CloudFormation.DescribeStacks': labStack({
    AlbDnsName: ALB_DNS,
    AppUrl: `http://${ALB_DNS}/`,
    StaticBucket: BUCKET,
    DistributionDomain: 'd111111abcdef8.cloudfront.net',
  }),
  'EC2.DescribeInstances': {
    Reservations: [{ Instances: [webInstance('i-0asg-a', 'us-east-1a'), webInstance('i-0asg-b', 'us-east-1b')] }],
  },
  'EC2.DescribeSubnets': { Subnets: subnets },
  'ElasticLoadBalancingV2.DescribeTargetHealth': {
    TargetHealthDescriptions: [target('i-0asg-a'), target('i-0asg-b')],
  },
  'RDS.DescribeDBInstances': { DBInstances: [database(), replica()] },
  'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [asg()] },
  'AutoScaling.DescribePolicies': { ScalingPolicies: [targetTracking()] },
  'S3.GetPublicAccessBlock': {
    PublicAccessBlockConfiguration: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    },
  },
  'S3.GetBucketPolicy': { Policy: cloudFrontOnlyPolicy() },
  'CloudFront.ListDistributions': {
    DistributionList: {
      Marker: '',
      MaxItems: 100,
      IsTruncated: false,
      Quantity: 1,
      Items: [distribution()],
    },
  },
  'CloudWatch.DescribeAlarms': { MetricAlarms: [managedAlarm, alarm()] },
  ...over,
});

/** A ListDistributions answer holding these distributions. */
export const distributions = (...items: DistributionSummary[]): Fixtures['CloudFront.ListDistributions'] => ({
  DistributionList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: items.length, Items: items },
});
