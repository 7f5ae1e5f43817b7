import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import workerScales from '@/checkers/asg/worker-scales-on-queue';
import dynamicOrigin from '@/checkers/cloudfront/dynamic-origin';
import internalAlbCheck from '@/checkers/elb/internal-alb';
import serverlessApi from '@/checkers/lambda/serverless-api';
import chainFiveTier from '@/checkers/sg/chain-five-tier';
import fanout from '@/checkers/sns/fanout-to-sqs';
import queueWithDlq from '@/checkers/sqs/queue-with-dlq';
import s3Endpoint from '@/checkers/vpc/s3-gateway-endpoint';
import { evaluateChecks } from '@/lib/checks/evaluate';
import {
  alb,
  distribution,
  distributions,
  fromCidr,
  fromGroup,
  group,
  s3Origin,
  targetTracking,
} from '../inventory/lab-fixtures';
import {
  APP_TG_ARN,
  appInstance,
  backlogPolicy,
  DLQ,
  FN_ARN,
  fiveTierGroups,
  internalAlb,
  queueArn,
  redriveTo,
  sqsAnswers,
  stage05,
  stage05Start,
  TOPIC_ARN,
  WORK_QUEUE,
  WORKER_ASG,
  webTier,
  worker,
} from '../inventory/stage-05-fixtures';
import { awsError, nothingDeployed } from '../support/aws-fixtures';
import { type AllFixtures, oneRegion } from '../support/regional-fixtures';

const run = (check: CheckDefinition, fixtures: AllFixtures) => check.run(oneRegion(fixtures).inventory);
const required = [internalAlbCheck, chainFiveTier, queueWithDlq, workerScales];
const all = [...required, s3Endpoint, fanout, dynamicOrigin, serverlessApi];

const steps: Record<string, string> = {
  'elb.internal-alb': 'internal-alb',
  'sg.chain-five-tier': 'security-chain',
  'sqs.queue-with-dlq': 'queue',
  'asg.worker-scales-on-queue': 'worker-scaling',
  'vpc.s3-gateway-endpoint': 's3-endpoint',
  'sns.fanout-to-sqs': 'fanout',
  'cloudfront.dynamic-origin': 'cloudfront-dynamic',
  'lambda.serverless-api': 'serverless',
};

describe.each(all)('$id', (check) => {
  it('passes on the stage 05 solution, naming what it saw', async () => {
    const out = await run(check, stage05());
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.message.ko.length).toBeGreaterThan(5);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails when nothing is deployed yet', async () => {
    const out = await run(check, nothingDeployed);
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/launch the stage template/);
  });
  it('fails on the stage 05 start (the stage 04 solution)', async () => {
    const out = await run(check, stage05Start());
    expect(out.status, out.message.en).toBe('fail');
    expect(out.message.en).toMatch(/\.$/);
  });
  it('belongs to stage 05 and links to its step of the lab', () => {
    expect(check.stage).toBe('05-decouple');
    expect(check.step).toBe(steps[check.id]);
    expect(check.remediation.template && check.remediation.cli && check.remediation.console?.ko).toBeTruthy();
  });
});

describe('AccessDenied', () => {
  const denied: [CheckDefinition, keyof AllFixtures, string][] = [
    [internalAlbCheck, 'ElasticLoadBalancingV2.DescribeLoadBalancers', 'elasticloadbalancing:DescribeLoadBalancers'],
    [internalAlbCheck, 'ElasticLoadBalancingV2.DescribeTargetHealth', 'elasticloadbalancing:DescribeTargetHealth'],
    [chainFiveTier, 'EC2.DescribeSecurityGroups', 'ec2:DescribeSecurityGroups'],
    [queueWithDlq, 'SQS.ListQueues', 'sqs:ListQueues'],
    [queueWithDlq, 'SQS.GetQueueAttributes', 'sqs:GetQueueAttributes'],
    [workerScales, 'AutoScaling.DescribePolicies', 'autoscaling:DescribePolicies'],
    [s3Endpoint, 'EC2.DescribeVpcEndpoints', 'ec2:DescribeVpcEndpoints'],
    [fanout, 'SNS.ListSubscriptionsByTopic', 'sns:ListSubscriptionsByTopic'],
    [dynamicOrigin, 'CloudFront.ListDistributions', 'cloudfront:ListDistributions'],
    [serverlessApi, 'ApiGatewayV2.GetIntegrations', 'apigateway:GetIntegrations'],
    [serverlessApi, 'Lambda.ListFunctions', 'lambda:ListFunctions'],
  ];
  it.each(denied.map(([check, key, action]) => [check.id, key, action, check] as const))(
    '%s: a denied %s is an error naming %s, never a fail',
    async (_id, key, action, check) => {
      const { inventory } = oneRegion({ ...stage05(), [key]: awsError('AccessDenied', 'denied', 403) });
      const [result] = await evaluateChecks([check], inventory);
      expect(result?.status).toBe('error');
      expect(result?.action).toBe(action);
      expect(result?.message.en).toContain(action);
    },
  );
});

describe('elb.internal-alb', () => {
  it('names the internal ALB and its private target subnets', async () => {
    const out = await run(internalAlbCheck, stage05());
    expect(out.message.en).toBe(
      'Internal ALB lab-internal serves targets in private subnets subnet-priv-a, subnet-priv-b.',
    );
  });
  it.each([
    [
      'its targets run in a public subnet',
      {
        'EC2.DescribeInstances': {
          Reservations: [
            { Instances: [...webTier(), appInstance('i-0app-a', 'us-east-1a', { SubnetId: 'subnet-pub-a' })] },
          ],
        },
        'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [] },
      },
      'targets in public subnets subnet-pub-a',
    ],
    [
      'it has no targets',
      {
        'ElasticLoadBalancingV2.DescribeTargetHealth': { TargetHealthDescriptions: [] },
        'AutoScaling.DescribeAutoScalingGroups': { AutoScalingGroups: [] },
      },
      'has no targets yet',
    ],
    [
      'every load balancer is internet-facing',
      { 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [alb()] } },
      'No internal ALB in the lab VPC yet',
    ],
  ] as [string, AllFixtures, string][])('fails when %s', async (_name, over, said) => {
    const out = await run(internalAlbCheck, stage05(over));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('passes when one of several internal ALBs has private targets, with evidence for each', async () => {
    const idle = internalAlb({ LoadBalancerArn: `${APP_TG_ARN}-idle`, LoadBalancerName: 'idle-internal' });
    const out = await run(
      internalAlbCheck,
      stage05({ 'ElasticLoadBalancingV2.DescribeLoadBalancers': { LoadBalancers: [alb(), idle, internalAlb()] } }),
    );
    expect(out.status).toBe('pass');
    expect(out.evidence.map((e) => e.id)).toEqual(['idle-internal', 'lab-internal']);
  });
});

const withGroups = (groups: ReturnType<typeof group>[]) =>
  stage05({ 'EC2.DescribeSecurityGroups': { SecurityGroups: groups } });
const replace = (id: string, g: ReturnType<typeof group>) => fiveTierGroups().map((x) => (x.GroupId === id ? g : x));

describe('sg.chain-five-tier', () => {
  it('names all four links', async () => {
    const out = await run(chainFiveTier, stage05());
    expect(out.message.en).toBe(
      'Five-tier chain holds: web SG sg-0web admits port 80 only from the ALB SG sg-0alb; internal-ALB SG sg-0ialb admits every port only from the web SG sg-0web; app SG sg-0app admits port 8080 only from the internal-ALB SG sg-0ialb; DB SG sg-0db admits port 3306 only from the app SG sg-0app.',
    );
    expect(out.evidence.map((e) => e.values.tier)).toEqual(['web', 'internal-alb', 'app', 'db']);
  });
  it.each([
    [
      'the app SG admits the VPC range',
      replace('sg-0app', group('sg-0app', [fromCidr(8080, '10.0.0.0/16')])),
      'app SG sg-0app admits port 8080 from 10.0.0.0/16',
    ],
    [
      'the internal ALB is open to the world',
      replace('sg-0ialb', group('sg-0ialb', [fromGroup(80, 'sg-0web'), fromCidr(443, '0.0.0.0/0')])),
      'internal-ALB SG sg-0ialb admits every port from sg-0web, 0.0.0.0/0',
    ],
    [
      'the DB still admits the web tier',
      replace('sg-0db', group('sg-0db', [fromGroup(3306, 'sg-0app'), fromGroup(3306, 'sg-0web')])),
      'DB SG sg-0db admits port 3306 from sg-0app, sg-0web',
    ],
    [
      'the app skips the internal ALB and admits web directly',
      replace('sg-0app', group('sg-0app', [fromGroup(8080, 'sg-0web')])),
      'not only from the internal-ALB SG sg-0ialb',
    ],
  ])('fails when %s, naming the link', async (_name, groups, said) => {
    const out = await run(chainFiveTier, withGroups(groups));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('fails naming the missing tier when there is no internal ALB', async () => {
    const out = await run(chainFiveTier, stage05Start());
    expect(out.message.en).toBe('No internal ALB in the lab VPC: the chain runs web → internal ALB → app.');
  });
});

describe('sqs.queue-with-dlq', () => {
  it('names the queue, its DLQ and the receive count', async () => {
    const out = await run(queueWithDlq, stage05());
    expect(out.message.en).toBe(
      `SQS queue ${WORK_QUEUE} sends a message to dead-letter queue ${DLQ} after 5 receives.`,
    );
  });
  it.each([
    ['no queue has a redrive policy', { [WORK_QUEUE]: undefined, [DLQ]: undefined }, 'No redrive policy on SQS queue'],
    [
      'the DLQ it names was deleted',
      { [WORK_QUEUE]: redriveTo(DLQ) },
      `its dead-letter queue ${queueArn(DLQ)} does not exist`,
    ],
  ] as [string, Record<string, string | undefined>, string][])('fails when %s', async (_n, queues, said) => {
    const out = await run(queueWithDlq, stage05(sqsAnswers(queues)));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('finds a queue the stack names by its QueueUrl output, asking no list', async () => {
    const { inventory, log } = oneRegion(
      stage05({
        'CloudFormation.DescribeStacks': {
          Stacks: [
            {
              StackName: 'scalelab-test',
              StackStatus: 'CREATE_COMPLETE',
              CreationTime: new Date(),
              Outputs: [
                { OutputKey: 'VpcId', OutputValue: 'vpc-0lab' },
                {
                  OutputKey: 'QueueUrl',
                  OutputValue: `https://sqs.us-east-1.amazonaws.com/111122223333/${WORK_QUEUE}`,
                },
              ],
            },
          ],
        },
      }),
    );
    expect((await queueWithDlq.run(inventory)).status).toBe('pass');
    expect(log.counts()['SQS.ListQueues']).toBeUndefined();
  });
});

describe('asg.worker-scales-on-queue', () => {
  it('names the group, the queue and the policy', async () => {
    const out = await run(workerScales, stage05());
    expect(out.message.en).toBe(
      `Auto Scaling group ${WORKER_ASG} tracks the backlog per instance of queue ${WORK_QUEUE} (metric math) with policy backlog-per-instance.`,
    );
  });
  const rawDepth = targetTracking({
    AutoScalingGroupName: WORKER_ASG,
    PolicyName: 'queue-depth',
    TargetTrackingConfiguration: {
      TargetValue: 100,
      CustomizedMetricSpecification: {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: WORK_QUEUE }],
        Statistic: 'Average',
      },
    },
  });
  it.each([
    ['it tracks the raw queue depth', [targetTracking(), rawDepth], 'tracks the raw message count of queue'],
    [
      'it tracks CPU only',
      [targetTracking(), targetTracking({ AutoScalingGroupName: WORKER_ASG })],
      'No Auto Scaling group scales on the queue’s backlog',
    ],
    ['the math divides by another group', [backlogPolicy({}, WORK_QUEUE, 'other-asg')], 'tracks the raw message count'],
    ['the math follows another queue', [backlogPolicy({}, 'someone-elses-queue')], 'No Auto Scaling group scales'],
  ])('fails when %s', async (_n, policies, said) => {
    const out = await run(workerScales, stage05({ 'AutoScaling.DescribePolicies': { ScalingPolicies: policies } }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
  it('passes on the guide’s custom backlog-per-instance metric published by the app', async () => {
    const custom = targetTracking({
      AutoScalingGroupName: WORKER_ASG,
      PolicyName: 'custom-backlog',
      TargetTrackingConfiguration: {
        TargetValue: 10,
        CustomizedMetricSpecification: {
          Namespace: 'ScaleLab',
          MetricName: 'BacklogPerInstance',
          Dimensions: [{ Name: 'QueueName', Value: WORK_QUEUE }],
          Statistic: 'Average',
        },
      },
    });
    const out = await run(workerScales, stage05({ 'AutoScaling.DescribePolicies': { ScalingPolicies: [custom] } }));
    expect(out.status).toBe('pass');
    expect(out.message.en).toContain('(a custom metric)');
  });
});

describe('vpc.s3-gateway-endpoint', () => {
  const endpoint = (over: object) => ({
    'EC2.DescribeVpcEndpoints': {
      VpcEndpoints: [
        {
          VpcEndpointId: 'vpce-0s3',
          VpcEndpointType: 'Gateway' as const,
          VpcId: 'vpc-0lab',
          ServiceName: 'com.amazonaws.us-east-1.s3',
          RouteTableIds: ['rtb-private'],
          ...over,
        },
      ],
    },
  });
  it.each([
    [
      'the endpoint is an interface endpoint',
      endpoint({ VpcEndpointType: 'Interface', RouteTableIds: [] }),
      'No S3 gateway endpoint',
    ],
    ['it is DynamoDB’s', endpoint({ ServiceName: 'com.amazonaws.us-east-1.dynamodb' }), 'No S3 gateway endpoint'],
    [
      'it skips the private route table',
      endpoint({ RouteTableIds: ['rtb-public'] }),
      'is not on private route table rtb-private',
    ],
  ] as [string, AllFixtures, string][])('fails when %s', async (_n, over, said) => {
    const out = await run(s3Endpoint, stage05(over));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
});

describe('sns.fanout-to-sqs', () => {
  it('fails when the topic delivers to a queue outside the lab', async () => {
    const out = await run(
      fanout,
      stage05({
        'SNS.ListSubscriptionsByTopic': {
          Subscriptions: [
            {
              SubscriptionArn: `${TOPIC_ARN}:1`,
              Protocol: 'sqs',
              Endpoint: queueArn('elsewhere'),
              TopicArn: TOPIC_ARN,
            },
          ],
        },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe(
      `SNS topic scalelab-test-EventsTopic-3QrStUv has no lab SQS queue subscribed (${WORK_QUEUE}, ${DLQ}).`,
    );
  });
});

describe('cloudfront.dynamic-origin', () => {
  it('fails when the distributions serve only the static bucket', async () => {
    const out = await run(
      dynamicOrigin,
      stage05({
        'CloudFront.ListDistributions': distributions(distribution({ Origins: { Quantity: 1, Items: [s3Origin()] } })),
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toMatch(/^No CloudFront distribution has ALB lab-alb/);
  });
});

describe('lambda.serverless-api', () => {
  it.each([
    [
      'the function names no table',
      { 'Lambda.ListFunctions': { Functions: [{ FunctionName: 'f', FunctionArn: FN_ARN }] } },
      'names no existing DynamoDB table',
    ],
    [
      'the API has no Lambda integration',
      {
        'ApiGatewayV2.GetIntegrations': {
          Items: [{ IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.com' }],
        },
      },
      'has no Lambda proxy integration',
    ],
  ] as [string, AllFixtures, string][])('fails when %s', async (_n, over, said) => {
    const out = await run(serverlessApi, stage05(over));
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain(said);
  });
});

describe('the worker tier', () => {
  it('is read once per run however many checks ask', async () => {
    const { inventory, log } = oneRegion(stage05());
    await evaluateChecks(all, inventory);
    const counts = log.counts();
    for (const op of ['SQS.ListQueues', 'AutoScaling.DescribePolicies', 'EC2.DescribeSecurityGroups', 'SNS.ListTopics'])
      expect(counts[op] ?? 0, op).toBeLessThanOrEqual(1);
    expect(worker().Tags?.[0]?.Value).toBe('worker');
  });
});
