/**
 * The requests CloudFormation makes, with the caller's credentials, when one resource's handler runs: one per IAM
 * action of the handler (handler-permissions.json), each with the resource it names and the request context IAM sees.
 *
 * CloudFormation calls the services with a forward access session of the principal that called CreateStack /
 * UpdateStack / ExecuteChangeSet when no service role is given (IAM User Guide, "Forward access sessions"); such a
 * request carries `aws:CalledVia` = [cloudformation.amazonaws.com] and `aws:ViaAWSService` = true (IAM User Guide,
 * "AWS global condition context keys" → aws:CalledVia). Tags: a create carries the tags CloudFormation applies
 * (`aws:RequestTag/*`, `aws:TagKeys`: the stack's tags are propagated, CloudFormation User Guide, "Resource tag"),
 * an update or delete names the resource's current tags (`aws:ResourceTag/*`).
 * A model, not AWS: every action of a handler is given the resource being deployed (or `*` for another service's
 * action), where AWS authorizes some actions against several resources (RunInstances: subnet, image, volume …).
 */
import type { RequestContext } from './conditions';
import type { AuthRequest } from './evaluate';
import { type HandlerOp, handlerActions } from './handler-permissions';

export interface Tag {
  Key: string;
  Value: string;
}

export interface HandlerTarget {
  type: string;
  op: HandlerOp;
  region: string;
  accountId: string;
  stackName: string;
  /** The resource's name or physical id when known (update, delete, or a name given in the template). */
  name?: string;
  /** The tags the request applies (create, update). */
  tags?: Tag[];
  /** The resource's tags before the request (update, delete). */
  previousTags?: Tag[];
}

/** The service a role is passed to (`iam:PassedToService`) when a type's handler calls iam:PassRole. */
const PASSED_TO: Record<string, string> = {
  'AWS::EC2::Instance': 'ec2.amazonaws.com',
  'AWS::IAM::InstanceProfile': 'ec2.amazonaws.com',
  // The launch template's instance profile is passed to EC2 when the group launches (Amazon EC2 Auto Scaling User
  // Guide, "IAM role for applications that run on Amazon EC2 instances": iam:PassRole).
  'AWS::AutoScaling::AutoScalingGroup': 'ec2.amazonaws.com',
  'AWS::Lambda::Function': 'lambda.amazonaws.com',
  'AWS::RDS::DBInstance': 'monitoring.rds.amazonaws.com',
  'AWS::RDS::DBCluster': 'rds.amazonaws.com',
  'AWS::ApiGatewayV2::Integration': 'apigateway.amazonaws.com',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'application-autoscaling.amazonaws.com',
  'AWS::CloudTrail::Trail': 'cloudtrail.amazonaws.com',
  'AWS::S3::Bucket': 's3.amazonaws.com',
  'AWS::SNS::Topic': 'sns.amazonaws.com',
  'AWS::SNS::Subscription': 'sns.amazonaws.com',
};

/** The service whose service-linked role a type's handler may create (`iam:AWSServiceName`). */
const LINKED_SERVICE: Record<string, string> = {
  'AWS::AutoScaling::AutoScalingGroup': 'autoscaling.amazonaws.com',
  'AWS::RDS::DBInstance': 'rds.amazonaws.com',
  'AWS::RDS::DBCluster': 'rds.amazonaws.com',
  'AWS::RDS::DBSubnetGroup': 'rds.amazonaws.com',
  'AWS::ElastiCache::ReplicationGroup': 'elasticache.amazonaws.com',
  'AWS::GuardDuty::Detector': 'guardduty.amazonaws.com',
  'AWS::CloudTrail::Trail': 'cloudtrail.amazonaws.com',
  'AWS::DynamoDB::Table': 'dynamodb.application-autoscaling.amazonaws.com',
  'AWS::DynamoDB::GlobalTable': 'replication.dynamodb.amazonaws.com',
  'AWS::ApplicationAutoScaling::ScalableTarget': 'dynamodb.application-autoscaling.amazonaws.com',
};

const ec2Kind: Record<string, string> = {
  Instance: 'instance',
  VPC: 'vpc',
  Subnet: 'subnet',
  SecurityGroup: 'security-group',
  RouteTable: 'route-table',
  InternetGateway: 'internet-gateway',
  NatGateway: 'natgateway',
  LaunchTemplate: 'launch-template',
  VPCEndpoint: 'vpc-endpoint',
  EIP: 'elastic-ip',
};

/** The ARN of the resource a handler works on, as the AccessDenied message names it (`*` for what has no id yet). */
export function resourceArn(t: HandlerTarget): string {
  const [, service = '', kind = ''] = t.type.split('::');
  const { region: r, accountId: a } = t;
  const name = t.name ?? '*';
  switch (service) {
    case 'RDS':
      if (kind === 'GlobalCluster') return `arn:aws:rds::${a}:global-cluster:${name}`;
      return `arn:aws:rds:${r}:${a}:${{ DBInstance: 'db', DBCluster: 'cluster', DBSubnetGroup: 'subgrp' }[kind] ?? kind.toLowerCase()}:${name.toLowerCase()}`;
    case 'EC2':
      return `arn:aws:ec2:${r}:${a}:${ec2Kind[kind] ?? kind.toLowerCase()}/${name}`;
    case 'S3':
      return `arn:aws:s3:::${name.toLowerCase()}`;
    case 'IAM':
      return `arn:aws:iam::${a}:${kind === 'InstanceProfile' ? 'instance-profile' : kind === 'ManagedPolicy' ? 'policy' : 'role'}/${name}`;
    case 'DynamoDB':
      return `arn:aws:dynamodb:${r}:${a}:table/${name}`;
    case 'ElastiCache':
      return `arn:aws:elasticache:${r}:${a}:${kind === 'SubnetGroup' ? 'subnetgroup' : 'replicationgroup'}:${name.toLowerCase()}`;
    case 'ElasticLoadBalancingV2':
      return `arn:aws:elasticloadbalancing:${r}:${a}:${kind === 'TargetGroup' ? 'targetgroup' : kind === 'LoadBalancer' ? 'loadbalancer/app' : kind.toLowerCase()}/${name}`;
    case 'AutoScaling':
      return `arn:aws:autoscaling:${r}:${a}:autoScalingGroup:*:autoScalingGroupName/${name}`;
    default:
      return `arn:aws:${service.toLowerCase()}:${r}:${a}:${kind.toLowerCase()}/${name}`;
  }
}

/** A name of the lab's own, for another service's resource a handler touches (the role it passes, the trail's bucket). */
const labName = (t: HandlerTarget, what: string) => `${t.stackName}-${what}`;

function resourceFor(action: string, t: HandlerTarget): string {
  const [prefix = '', verb = ''] = action.toLowerCase().split(':');
  const own = t.type.split('::')[1]?.toLowerCase();
  const a = t.accountId;
  if (prefix === 'iam') {
    if (verb === 'createservicelinkedrole') {
      const svc = LINKED_SERVICE[t.type] ?? 'unknown.amazonaws.com';
      return `arn:aws:iam::${a}:role/aws-service-role/${svc}/AWSServiceRoleFor${svc.split('.')[0]}`;
    }
    // An instance profile's handler passes and reads the lab role it holds; the other IAM types act on themselves.
    const profile = t.type === 'AWS::IAM::InstanceProfile';
    if (own === 'iam' && (!profile || verb.includes('instanceprofile'))) return resourceArn(t);
    if (verb.includes('instanceprofile')) return `arn:aws:iam::${a}:instance-profile/${labName(t, 'profile')}`;
    return `arn:aws:iam::${a}:role/${labName(t, 'role')}`;
  }
  if (prefix === 's3') {
    const bucket = own === 's3' ? resourceArn(t) : `arn:aws:s3:::${labName(t, 'bucket').toLowerCase()}`;
    return verb.includes('object') ? `${bucket}/*` : bucket;
  }
  const ownPrefix: Record<string, string> = { elasticloadbalancingv2: 'elasticloadbalancing' };
  return prefix === (ownPrefix[own ?? ''] ?? own) ? resourceArn(t) : '*';
}

function tagContext(prefix: string, tags: Tag[] | undefined): RequestContext {
  const out: RequestContext = {};
  for (const tag of tags ?? []) out[`${prefix}/${tag.Key}`] = tag.Value;
  return out;
}

/** Every request one handler makes, with its context (empty when the type has no row: see handlerActions). */
export function handlerRequests(t: HandlerTarget): AuthRequest[] {
  const actions = handlerActions(t.type, t.op) ?? [];
  const base: RequestContext = {
    'aws:CalledVia': ['cloudformation.amazonaws.com'],
    'aws:ViaAWSService': 'true',
    ...(t.op !== 'delete' ? tagContext('aws:RequestTag', t.tags) : {}),
    ...(t.op !== 'create' ? tagContext('aws:ResourceTag', t.previousTags) : {}),
    ...(t.op !== 'delete' && t.tags?.length ? { 'aws:TagKeys': t.tags.map((x) => x.Key) } : {}),
  };
  return actions.map((action) => {
    const lower = action.toLowerCase();
    const context: RequestContext = { ...base };
    if (lower === 'iam:passrole') context['iam:PassedToService'] = PASSED_TO[t.type] ?? 'unknown.amazonaws.com';
    if (lower === 'iam:createservicelinkedrole') context['iam:AWSServiceName'] = LINKED_SERVICE[t.type];
    return { action, resource: resourceFor(action, t), context };
  });
}
