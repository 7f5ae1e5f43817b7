/**
 * The stage 05 solution as AWS describes it, shaped by the SDK's output types: stage 03's web tier and data plus an
 * internal ALB in front of an app tier in private subnets, the five-link security chain, a work queue with a DLQ, a
 * worker group tracking the backlog per instance, an S3 gateway endpoint, an SNS topic, CloudFront in front of the
 * ALB and an API Gateway → Lambda → DynamoDB path.
 */
import type { ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { Instance, RouteTable, SecurityGroup } from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { labStack, STACK } from '../support/aws-fixtures';
import type { AllFixtures } from '../support/regional-fixtures';
import {
  ACCOUNT,
  ALB_DNS,
  ASG,
  alb,
  asg,
  BUCKET,
  database,
  distribution,
  distributions,
  fromCidr,
  fromGroup,
  group,
  replica,
  routeTables,
  s3Origin,
  stage03,
  TG_ARN,
  target,
  targetGroup,
  targetTracking,
  webInstance,
} from './lab-fixtures';

export const INTERNAL_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/lab-internal/6d0ecf831eec9f09`;
export const APP_TG_ARN = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/lab-app/1b2c3d4e5f6a7b8c`;
export const APP_ASG = 'scalelab-test-AppAsg-DeF456';
export const WORKER_ASG = 'scalelab-test-WorkerAsg-GhI789';
export const WORK_QUEUE = 'scalelab-test-WorkQueue-1AbCdEfGh';
export const DLQ = 'scalelab-test-DeadLetterQueue-2IjKlMnOp';
export const queueUrl = (name: string) => `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`;
export const queueArn = (name: string) => `arn:aws:sqs:us-east-1:${ACCOUNT}:${name}`;
export const TOPIC_ARN = `arn:aws:sns:us-east-1:${ACCOUNT}:scalelab-test-EventsTopic-3QrStUv`;
export const FN = 'scalelab-test-ItemsFunction-4WxYz';
export const FN_ARN = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${FN}`;
export const ITEMS_TABLE = 'scalelab-test-ItemsTable-5AbC';
export const API_ID = 'a1b2c3d4e5';

export const internalAlb = (over: Partial<LoadBalancer> = {}): LoadBalancer =>
  alb({
    LoadBalancerArn: INTERNAL_ARN,
    LoadBalancerName: 'lab-internal',
    DNSName: 'internal-lab-internal-123456.us-east-1.elb.amazonaws.com',
    Scheme: 'internal',
    SecurityGroups: ['sg-0ialb'],
    AvailabilityZones: [
      { ZoneName: 'us-east-1a', SubnetId: 'subnet-priv-a' },
      { ZoneName: 'us-east-1b', SubnetId: 'subnet-priv-b' },
    ],
    ...over,
  });

export const appTargetGroup = (over: Partial<TargetGroup> = {}): TargetGroup =>
  targetGroup({
    TargetGroupArn: APP_TG_ARN,
    TargetGroupName: 'lab-app',
    Port: 8080,
    LoadBalancerArns: [INTERNAL_ARN],
    ...over,
  });

const tagged = (role: string) => [{ Key: 'scalelab:role', Value: role }];
export const webTier = (): Instance[] => [
  webInstance('i-0asg-a', 'us-east-1a', { SubnetId: 'subnet-pub-a' }),
  webInstance('i-0asg-b', 'us-east-1b', { SubnetId: 'subnet-pub-b' }),
];
export const appInstance = (id: string, az: string, over: Partial<Instance> = {}): Instance =>
  webInstance(id, az, {
    SubnetId: az.endsWith('a') ? 'subnet-priv-a' : 'subnet-priv-b',
    PrivateIpAddress: az.endsWith('a') ? '10.0.11.10' : '10.0.12.10',
    SecurityGroups: [{ GroupId: 'sg-0app', GroupName: 'app' }],
    Tags: tagged('app'),
    ...over,
  });
export const appTier = (): Instance[] => [appInstance('i-0app-a', 'us-east-1a'), appInstance('i-0app-b', 'us-east-1b')];
export const worker = (): Instance =>
  appInstance('i-0worker-a', 'us-east-1a', { SecurityGroups: [{ GroupId: 'sg-0app' }], Tags: tagged('worker') });

/** The five links: ALB from the world, web from the ALB, internal ALB from web, app from the internal ALB, DB from app. */
export const fiveTierGroups = (): SecurityGroup[] => [
  group('sg-0alb', [fromCidr(80, '0.0.0.0/0')]),
  group('sg-0web', [fromGroup(80, 'sg-0alb')]),
  group('sg-0ialb', [fromGroup(80, 'sg-0web')]),
  group('sg-0app', [fromGroup(8080, 'sg-0ialb')]),
  group('sg-0db', [fromGroup(3306, 'sg-0app')]),
];

export const privateRouteTables = (): RouteTable[] => [
  ...routeTables,
  {
    RouteTableId: 'rtb-private',
    VpcId: 'vpc-0lab',
    Associations: [{ SubnetId: 'subnet-priv-a' }, { SubnetId: 'subnet-priv-b' }],
    Routes: [{ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0lab' }],
  },
];

/** The documented backlog-per-instance policy: metric math m1 / m2 over the queue and the worker group. */
export const backlogPolicy = (
  over: Partial<ScalingPolicy> = {},
  queue = WORK_QUEUE,
  group = WORKER_ASG,
): ScalingPolicy => ({
  AutoScalingGroupName: WORKER_ASG,
  PolicyName: 'backlog-per-instance',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingConfiguration: {
    TargetValue: 10,
    CustomizedMetricSpecification: {
      Metrics: [
        {
          Id: 'm1',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/SQS',
              MetricName: 'ApproximateNumberOfMessagesVisible',
              Dimensions: [{ Name: 'QueueName', Value: queue }],
            },
            Stat: 'Sum',
          },
        },
        {
          Id: 'm2',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'AWS/AutoScaling',
              MetricName: 'GroupInServiceInstances',
              Dimensions: [{ Name: 'AutoScalingGroupName', Value: group }],
            },
            Stat: 'Average',
          },
        },
        { Id: 'e1', Expression: '(m1)/m2', Label: 'Backlog per instance', ReturnData: true },
      ],
    },
  },
  ...over,
});

export const queueAttributes = (name: string, redrive?: string) => ({
  Attributes: {
    QueueArn: queueArn(name),
    VisibilityTimeout: '30',
    MessageRetentionPeriod: '345600',
    ApproximateNumberOfMessages: '0',
    ...(redrive ? { RedrivePolicy: redrive } : {}),
  },
});
export const redriveTo = (name: string, max = 5) =>
  JSON.stringify({ deadLetterTargetArn: queueArn(name), maxReceiveCount: max });

/** Answer GetQueueAttributes / GetQueueUrl from a table of queues (name → RedrivePolicy or undefined). */
export function sqsAnswers(queues: Record<string, string | undefined>): AllFixtures {
  return {
    'SQS.ListQueues': { QueueUrls: Object.keys(queues).map(queueUrl) },
    'SQS.GetQueueAttributes': (input) => {
      const name = String(input.QueueUrl).split('/').pop() ?? '';
      if (!(name in queues))
        return Object.assign(new Error('The specified queue does not exist.'), { name: 'QueueDoesNotExist' });
      return queueAttributes(name, queues[name]);
    },
    'SQS.GetQueueUrl': (input) =>
      String(input.QueueName) in queues
        ? { QueueUrl: queueUrl(String(input.QueueName)) }
        : Object.assign(new Error('The specified queue does not exist.'), { name: 'QueueDoesNotExist' }),
  };
}

export const albOrigin = {
  Id: 'alb',
  DomainName: ALB_DNS,
  OriginPath: '',
  CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' as const },
};

/** The stage 05 solution. */
export const stage05 = (over: AllFixtures = {}): AllFixtures => ({
  ...stage03(),
  'CloudFormation.DescribeStacks': labStack({
    AlbDnsName: ALB_DNS,
    StaticBucket: BUCKET,
    WebAsgName: ASG,
    WorkerAsgName: WORKER_ASG,
  }),
  'EC2.DescribeInstances': { Reservations: [{ Instances: [...webTier(), ...appTier(), worker()] }] },
  'EC2.DescribeSecurityGroups': { SecurityGroups: fiveTierGroups() },
  'EC2.DescribeRouteTables': { RouteTables: privateRouteTables() },
  'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [alb(), internalAlb()] },
  'ElasticLoadBalancingV2.DescribeTargetGroups': { TargetGroups: [targetGroup(), appTargetGroup()] },
  'ElasticLoadBalancingV2.DescribeTargetHealth': ((input: Record<string, unknown>) =>
    input.TargetGroupArn === APP_TG_ARN
      ? { TargetHealthDescriptions: [target('i-0app-a'), target('i-0app-b')] }
      : input.TargetGroupArn === TG_ARN
        ? { TargetHealthDescriptions: [target('i-0asg-a'), target('i-0asg-b')] }
        : { TargetHealthDescriptions: [] }) as unknown as AllFixtures['ElasticLoadBalancingV2.DescribeTargetHealth'],
  'RDS.DescribeDBInstances': { DBInstances: [database(), replica()] },
  'AutoScaling.DescribeAutoScalingGroups': {
    AutoScalingGroups: [
      asg(),
      asg({
        AutoScalingGroupName: APP_ASG,
        VPCZoneIdentifier: 'subnet-priv-a,subnet-priv-b',
        TargetGroupARNs: [APP_TG_ARN],
        Tags: [{ Key: 'scalelab:role', Value: 'app' }],
      }),
      asg({
        AutoScalingGroupName: WORKER_ASG,
        MinSize: 1,
        MaxSize: 4,
        DesiredCapacity: 1,
        VPCZoneIdentifier: 'subnet-priv-a,subnet-priv-b',
        HealthCheckType: 'EC2',
        TargetGroupARNs: [],
        EnabledMetrics: [{ Metric: 'GroupInServiceInstances', Granularity: '1Minute' }],
        Tags: [{ Key: 'scalelab:role', Value: 'worker' }],
      }),
    ],
  },
  'AutoScaling.DescribePolicies': { ScalingPolicies: [targetTracking(), backlogPolicy()] },
  ...sqsAnswers({ [WORK_QUEUE]: redriveTo(DLQ), [DLQ]: undefined }),
  'ResourceGroupsTaggingAPI.GetResources': { ResourceTagMappingList: [] },
  'EC2.DescribeVpcEndpoints': {
    VpcEndpoints: [
      {
        VpcEndpointId: 'vpce-0s3gateway',
        VpcEndpointType: 'Gateway',
        VpcId: 'vpc-0lab',
        ServiceName: 'com.amazonaws.us-east-1.s3',
        State: 'Available',
        RouteTableIds: ['rtb-private'],
      },
    ],
  },
  'SNS.ListTopics': {
    Topics: [{ TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts` }, { TopicArn: TOPIC_ARN }],
  },
  'SNS.ListSubscriptionsByTopic': {
    Subscriptions: [
      {
        SubscriptionArn: `${TOPIC_ARN}:7c0f8a2e-1b2c-4d5e-8f90-a1b2c3d4e5f6`,
        Owner: ACCOUNT,
        Protocol: 'sqs',
        Endpoint: queueArn(WORK_QUEUE),
        TopicArn: TOPIC_ARN,
      },
    ],
  },
  'CloudFront.ListDistributions': distributions(
    distribution({ Origins: { Quantity: 2, Items: [s3Origin(), albOrigin] } }),
  ),
  'ApiGatewayV2.GetApis': {
    Items: [
      {
        ApiId: API_ID,
        Name: `${STACK}-api`,
        ProtocolType: 'HTTP',
        ApiEndpoint: `https://${API_ID}.execute-api.us-east-1.amazonaws.com`,
        RouteSelectionExpression: '$request.method $request.path',
        Tags: { 'scalelab:lab': STACK },
      },
    ],
  },
  'ApiGatewayV2.GetIntegrations': {
    Items: [
      { IntegrationId: 'abc123', IntegrationType: 'AWS_PROXY', IntegrationUri: FN_ARN, PayloadFormatVersion: '2.0' },
    ],
  },
  'Lambda.ListFunctions': {
    Functions: [
      {
        FunctionName: FN,
        FunctionArn: FN_ARN,
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Environment: { Variables: { TABLE_NAME: ITEMS_TABLE, NODE_OPTIONS: '--enable-source-maps' } },
      },
    ],
  },
  'DynamoDB.ListTables': { TableNames: ['orders', ITEMS_TABLE] },
  ...over,
});

/** The stage 05 start (stage 04's solution as far as stage 05 reads it): no internal tier, queue, topic or API yet. */
export const stage05Start = (over: AllFixtures = {}): AllFixtures => ({
  ...stage03(),
  'CloudFormation.DescribeStacks': labStack({ AlbDnsName: ALB_DNS, StaticBucket: BUCKET, WebAsgName: ASG }),
  'EC2.DescribeInstances': { Reservations: [{ Instances: webTier() }] },
  'EC2.DescribeRouteTables': { RouteTables: routeTables },
  'SQS.ListQueues': { QueueUrls: [] },
  'EC2.DescribeVpcEndpoints': { VpcEndpoints: [] },
  'SNS.ListTopics': { Topics: [{ TopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:billing-alerts` }] },
  'ApiGatewayV2.GetApis': { Items: [] },
  ...over,
});
