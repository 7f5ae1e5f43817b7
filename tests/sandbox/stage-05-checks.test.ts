import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { createSandbox } from '@/lib/sandbox';
import { deploy } from './deploy';
import { tableAndFunction } from './snippets';

/**
 * Stage 05's checks against a small decoupled architecture deployed into the sandbox (built here, not the stage
 * template): two tiers behind an internet-facing and an internal ALB, five security groups, a queue with a DLQ fed
 * by a topic, a worker group on the backlog per instance, CloudFront in front of the ALB, an S3 gateway endpoint on the
 * private route table, an HTTP API invoking a function whose TABLE_NAME names a DynamoDB table. Each mutation breaks
 * the one thing its check judges.
 */
const STACK = 'scalelab-s05';

interface Options {
  appFrom?: string;
  redrive?: boolean;
  workerMath?: string;
  subscribe?: boolean;
  cloudFrontOrigin?: string;
  appSubnets?: string;
  /** The route tables the S3 gateway endpoint serves. */
  endpointRouteTables?: string;
  /** The function's environment variables. */
  functionEnv?: string;
}

const sg = (name: string, port: number, from: string) => `
  ${name}:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ${name}
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{ IpProtocol: tcp, FromPort: ${port}, ToPort: ${port}, ${from} }]`;

const group = (name: string, subnets: string, sgRef: string, extra: string) => `
  ${name}Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro, SecurityGroupIds: [!Ref ${sgRef}] }
  ${name}:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '2'
      MaxSize: '4'
      VPCZoneIdentifier: ${subnets}
      LaunchTemplate: { LaunchTemplateId: !Ref ${name}Template, Version: !GetAtt ${name}Template.LatestVersionNumber }
${extra}`;

function template(o: Options = {}): string {
  const publicSubnets = '[!Ref PublicA, !Ref PublicB]';
  const privateSubnets = '[!Ref PrivateA, !Ref PrivateB]';
  return `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  Igw: { Type: AWS::EC2::InternetGateway }
  IgwAttach: { Type: AWS::EC2::VPCGatewayAttachment, Properties: { VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw } }
  PublicA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  PublicB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  PrivateA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.11.0/24, AvailabilityZone: !Select [0, !GetAZs ''] } }
  PrivateB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.12.0/24, AvailabilityZone: !Select [1, !GetAZs ''] } }
  PublicRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PublicRoute: { Type: AWS::EC2::Route, DependsOn: IgwAttach, Properties: { RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw } }
  PublicAssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicA, RouteTableId: !Ref PublicRt } }
  PublicAssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PublicB, RouteTableId: !Ref PublicRt } }
  PrivateRt: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Vpc } }
  PrivateAssocA: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateA, RouteTableId: !Ref PrivateRt } }
  PrivateAssocB: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref PrivateB, RouteTableId: !Ref PrivateRt } }
  S3Endpoint:
    Type: AWS::EC2::VPCEndpoint
    Properties:
      VpcId: !Ref Vpc
      ServiceName: !Sub 'com.amazonaws.\${AWS::Region}.s3'
      VpcEndpointType: Gateway
      RouteTableIds: ${o.endpointRouteTables ?? '[!Ref PrivateRt]'}
${sg('AlbSg', 80, 'CidrIp: 0.0.0.0/0')}
${sg('WebSg', 80, 'SourceSecurityGroupId: !Ref AlbSg')}
${sg('InternalAlbSg', 80, 'SourceSecurityGroupId: !Ref WebSg')}
${sg('AppSg', 8080, o.appFrom ?? 'SourceSecurityGroupId: !Ref InternalAlbSg')}
${sg('DbSg', 3306, 'SourceSecurityGroupId: !Ref AppSg')}
  DbSubnets: { Type: AWS::RDS::DBSubnetGroup, Properties: { DBSubnetGroupDescription: db, SubnetIds: ${privateSubnets} } }
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: mysql
      DBInstanceClass: db.t3.micro
      AllocatedStorage: '20'
      MasterUsername: admin
      MasterUserPassword: correct-horse-battery
      DBSubnetGroupName: !Ref DbSubnets
      VPCSecurityGroups: [!Ref DbSg]
  Alb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, DependsOn: IgwAttach, Properties: { Scheme: internet-facing, Subnets: ${publicSubnets}, SecurityGroups: [!Ref AlbSg] } }
  WebTg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { VpcId: !Ref Vpc, Protocol: HTTP, Port: 80 } }
  WebListener: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref Alb, Protocol: HTTP, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref WebTg }] } }
  InternalAlb: { Type: AWS::ElasticLoadBalancingV2::LoadBalancer, Properties: { Scheme: internal, Subnets: ${privateSubnets}, SecurityGroups: [!Ref InternalAlbSg] } }
  AppTg: { Type: AWS::ElasticLoadBalancingV2::TargetGroup, Properties: { VpcId: !Ref Vpc, Protocol: HTTP, Port: 8080 } }
  AppListener: { Type: AWS::ElasticLoadBalancingV2::Listener, Properties: { LoadBalancerArn: !Ref InternalAlb, Protocol: HTTP, Port: 80, DefaultActions: [{ Type: forward, TargetGroupArn: !Ref AppTg }] } }
${group('WebAsg', publicSubnets, 'WebSg', '      TargetGroupARNs: [!Ref WebTg]\n      Tags: [{ Key: scalelab:role, Value: web, PropagateAtLaunch: true }]')}
${group('AppAsg', o.appSubnets ?? privateSubnets, 'AppSg', '      TargetGroupARNs: [!Ref AppTg]\n      Tags: [{ Key: scalelab:role, Value: app, PropagateAtLaunch: true }]')}
${group('WorkerAsg', privateSubnets, 'AppSg', '      Tags: [{ Key: scalelab:role, Value: worker, PropagateAtLaunch: true }]')}
  DeadLetterQueue: { Type: AWS::SQS::Queue }
  WorkQueue:
    Type: AWS::SQS::Queue
    Properties:
      ${o.redrive === false ? 'VisibilityTimeout: 60' : 'RedrivePolicy: { deadLetterTargetArn: !GetAtt DeadLetterQueue.Arn, maxReceiveCount: 5 }'}
  BacklogPolicy:
    Type: AWS::AutoScaling::ScalingPolicy
    Properties:
      AutoScalingGroupName: !Ref WorkerAsg
      PolicyType: TargetTrackingScaling
      TargetTrackingConfiguration:
        TargetValue: 10
        CustomizedMetricSpecification:
          Metrics:
            - Id: m1
              ReturnData: false
              MetricStat:
                Metric: { Namespace: AWS/SQS, MetricName: ApproximateNumberOfMessagesVisible, Dimensions: [{ Name: QueueName, Value: !GetAtt WorkQueue.QueueName }] }
                Stat: Sum
            - Id: m2
              ReturnData: false
              MetricStat:
                Metric: { Namespace: AWS/AutoScaling, MetricName: GroupInServiceInstances, Dimensions: [{ Name: AutoScalingGroupName, Value: !Ref WorkerAsg }] }
                Stat: Average
            - { Id: e1, Expression: '${o.workerMath ?? 'm1 / m2'}', ReturnData: true }
  Events: { Type: AWS::SNS::Topic }
${
  o.subscribe === false
    ? ''
    : '  WorkSubscription: { Type: AWS::SNS::Subscription, Properties: { TopicArn: !Ref Events, Protocol: sqs, Endpoint: !GetAtt WorkQueue.Arn } }'
}
  Cdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        Enabled: true
        Origins: [{ Id: app, DomainName: ${o.cloudFrontOrigin ?? '!GetAtt Alb.DNSName'}, CustomOriginConfig: { OriginProtocolPolicy: http-only } }]
        DefaultCacheBehavior: { TargetOriginId: app, ViewerProtocolPolicy: redirect-to-https, CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad }
${tableAndFunction({ env: o.functionEnv })}
  Api: { Type: AWS::ApiGatewayV2::Api, Properties: { Name: !Sub '\${AWS::StackName}-api', ProtocolType: HTTP } }
  Integration:
    Type: AWS::ApiGatewayV2::Integration
    Properties: { ApiId: !Ref Api, IntegrationType: AWS_PROXY, IntegrationUri: !GetAtt Fn.Arn, PayloadFormatVersion: '2.0' }
Outputs:
  VpcId: { Value: !Ref Vpc }
  AlbDnsName: { Value: !GetAtt Alb.DNSName }
  WebAsgName: { Value: !Ref WebAsg }
  WorkerAsgName: { Value: !Ref WorkerAsg }
`;
}

const ids = [
  'elb.internal-alb',
  'sg.chain-five-tier',
  'sqs.queue-with-dlq',
  'asg.worker-scales-on-queue',
  'sns.fanout-to-sqs',
  'cloudfront.dynamic-origin',
  'vpc.s3-gateway-endpoint',
  'lambda.serverless-api',
];

async function verdicts(o: Options = {}) {
  const sandbox = createSandbox({ accountId: '111122223333' });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  await deploy(clients, STACK, template(o));
  const checks = allChecks.filter((c) => c.stage === '05-decouple');
  const results = await evaluateChecks(checks, new Inventory(clients, { stackName: STACK }));
  return Object.fromEntries(results.map((r) => [r.id, `${r.status}: ${r.message.en}`]));
}

describe('stage 05 checks on a decoupled architecture in the sandbox', () => {
  it('pass on the right architecture', async () => {
    const seen = await verdicts();
    for (const id of ids) expect(seen[id], id).toMatch(/^pass: /);
    expect(seen['vpc.s3-gateway-endpoint']).toMatch(
      /^pass: S3 gateway endpoint vpce-\w+ serves private route table rtb-\w+\.$/,
    );
    expect(seen['lambda.serverless-api']).toMatch(
      /^pass: API scalelab-s05-api invokes Lambda function scalelab-s05-Fn-\w+, which uses DynamoDB table scalelab-s05-Items-\w+\.$/,
    );
  });

  it.each([
    ['elb.internal-alb', { appSubnets: '[!Ref PublicA, !Ref PublicB]' }],
    ['sg.chain-five-tier', { appFrom: 'CidrIp: 10.0.0.0/16' }],
    ['sqs.queue-with-dlq', { redrive: false }],
    ['asg.worker-scales-on-queue', { workerMath: 'm1' }],
    ['sns.fanout-to-sqs', { subscribe: false }],
    ['cloudfront.dynamic-origin', { cloudFrontOrigin: 'example.com' }],
    ['vpc.s3-gateway-endpoint', { endpointRouteTables: '[!Ref PublicRt]' }],
    ['lambda.serverless-api', { functionEnv: '{ STAGE: prod }' }],
  ] as [string, Options][])('%s fails, alone, with its mutation', async (id, mutation) => {
    const seen = await verdicts(mutation);
    expect(seen[id], id).toMatch(/^fail: /);
    for (const other of ids.filter((x) => x !== id))
      expect(seen[other], `${other} under ${id}'s mutation`).toMatch(/^pass: /);
  });
});
