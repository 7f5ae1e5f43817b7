import {
  CreateOriginAccessControlCommand,
  DeleteOriginAccessControlCommand,
  ListDistributionsCommand,
} from '@aws-sdk/client-cloudfront';
import { DescribeAddressesCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '@/lib/aws/clients';
import { parseTemplate } from '@/lib/cfn';

/** Default per-region quotas a lab template can run into (the Service Quotas defaults of a new account). */
export const DEFAULT_QUOTAS = { vpcs: 5, elasticIps: 5 };

/** The IAM action that creates each resource type the lab templates use: what the operator role must be allowed. */
const CREATE_ACTION: Record<string, string> = {
  'AWS::EC2::VPC': 'ec2:CreateVpc',
  'AWS::EC2::Subnet': 'ec2:CreateSubnet',
  'AWS::EC2::InternetGateway': 'ec2:CreateInternetGateway',
  'AWS::EC2::SecurityGroup': 'ec2:CreateSecurityGroup',
  'AWS::EC2::Instance': 'ec2:RunInstances',
  'AWS::EC2::LaunchTemplate': 'ec2:CreateLaunchTemplate',
  'AWS::EC2::EIP': 'ec2:AllocateAddress',
  'AWS::EC2::NatGateway': 'ec2:CreateNatGateway',
  'AWS::IAM::Role': 'iam:CreateRole',
  'AWS::IAM::InstanceProfile': 'iam:CreateInstanceProfile',
  'AWS::RDS::DBInstance': 'rds:CreateDBInstance',
  'AWS::RDS::DBSubnetGroup': 'rds:CreateDBSubnetGroup',
  'AWS::RDS::DBCluster': 'rds:CreateDBCluster',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'elasticloadbalancing:CreateLoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'elasticloadbalancing:CreateTargetGroup',
  'AWS::AutoScaling::AutoScalingGroup': 'autoscaling:CreateAutoScalingGroup',
  'AWS::S3::Bucket': 's3:CreateBucket',
  'AWS::CloudFront::Distribution': 'cloudfront:CreateDistribution',
  'AWS::ElastiCache::ReplicationGroup': 'elasticache:CreateReplicationGroup',
  'AWS::DynamoDB::Table': 'dynamodb:CreateTable',
  'AWS::SQS::Queue': 'sqs:CreateQueue',
  'AWS::SNS::Topic': 'sns:CreateTopic',
  'AWS::CloudWatch::Alarm': 'cloudwatch:PutMetricAlarm',
};

export interface PreflightProblem {
  kind: 'quota' | 'permission' | 'account';
  message: string;
  /** The same in Korean, for a Korean page. */
  ko: string;
}

export interface PreflightResult {
  problems: PreflightProblem[];
  /** What could not be checked, and why (e.g. the role may not call iam:SimulatePrincipalPolicy). */
  notes: string[];
}

/** `arn:aws:sts::1:assumed-role/Name/session` → `arn:aws:iam::1:role/Name`, the principal to simulate. */
export function roleArnOfSession(arn: string): string | undefined {
  const m = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\//.exec(arn);
  return m ? `arn:${m[1]}:iam::${m[2]}:role/${m[3]}` : undefined;
}

/**
 * Before a launch on a real account: does the account have room for what the template creates (VPCs, Elastic IPs),
 * and may the principal create it? A plain message per problem; checks that cannot run become notes, not failures.
 */
export async function preflight(
  clients: AwsClients,
  templateBody: string,
  stackExists: boolean,
): Promise<PreflightResult> {
  const template = parseTemplate(templateBody, 'template.yaml');
  const types = template.resources.flatMap((r) => (r.type ? [r.type] : []));
  const count = (type: string) => types.filter((t) => t === type).length;
  const problems: PreflightProblem[] = [];
  const notes: string[] = [];

  // Room: only a first launch adds VPCs and addresses; an update changes what the stack already holds.
  if (!stackExists) {
    const [vpcs, addresses] = await Promise.all([
      clients.ec2
        .send(new DescribeVpcsCommand({}))
        .then(
          (o) => (o.Vpcs ?? []).filter((v) => !v.IsDefault).length + (o.Vpcs ?? []).filter((v) => v.IsDefault).length,
        ),
      clients.ec2.send(new DescribeAddressesCommand({})).then((o) => (o.Addresses ?? []).length),
    ]);
    if (count('AWS::EC2::VPC') && vpcs + count('AWS::EC2::VPC') > DEFAULT_QUOTAS.vpcs) {
      problems.push({
        kind: 'quota',
        message: `The region already has ${vpcs} VPCs and the template adds ${count('AWS::EC2::VPC')}; the default quota is ${DEFAULT_QUOTAS.vpcs}. Delete an unused VPC or raise the quota (Service Quotas → Amazon VPC → VPCs per Region).`,
        ko: `이 리전에는 이미 VPC가 ${vpcs}개 있고 템플릿이 ${count('AWS::EC2::VPC')}개를 더합니다. 기본 할당량은 ${DEFAULT_QUOTAS.vpcs}개입니다. 쓰지 않는 VPC를 삭제하거나 할당량을 늘리세요(Service Quotas → Amazon VPC → VPCs per Region).`,
      });
    }
    if (count('AWS::EC2::EIP') && addresses + count('AWS::EC2::EIP') > DEFAULT_QUOTAS.elasticIps) {
      problems.push({
        kind: 'quota',
        message: `The region already has ${addresses} Elastic IPs and the template allocates ${count('AWS::EC2::EIP')}; the default quota is ${DEFAULT_QUOTAS.elasticIps}. Release an unused address first.`,
        ko: `이 리전에는 이미 탄력적 IP가 ${addresses}개 있고 템플릿이 ${count('AWS::EC2::EIP')}개를 할당합니다. 기본 할당량은 ${DEFAULT_QUOTAS.elasticIps}개입니다. 먼저 쓰지 않는 주소를 릴리스하세요.`,
      });
    }
  }

  // CloudFront: a new account may have to be verified by AWS Support before it can create CloudFront resources.
  if (count('AWS::CloudFront::Distribution')) {
    const refused = await cloudFrontRefusesNewResources(clients, notes);
    if (refused) problems.push({ kind: 'account', ...refused });
  }

  // Permission: simulate the create actions for the role the account is used through (where IAM lets us).
  const actions = [
    'cloudformation:CreateChangeSet',
    ...new Set(types.flatMap((t) => (CREATE_ACTION[t] ? [CREATE_ACTION[t]] : []))),
  ];
  const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
  const principal =
    roleArnOfSession(identity.Arn ?? '') ?? (identity.Arn?.includes(':user/') ? identity.Arn : undefined);
  if (!principal) {
    notes.push('Permissions were not simulated: the caller is neither an IAM user nor an assumed role.');
    return { problems, notes };
  }
  try {
    const out = await clients.iam.send(
      new SimulatePrincipalPolicyCommand({ PolicySourceArn: principal, ActionNames: actions }),
    );
    const denied = (out.EvaluationResults ?? [])
      .filter((r) => r.EvalDecision !== 'allowed')
      .map((r) => r.EvalActionName);
    if (denied.length) {
      problems.push({
        kind: 'permission',
        message: `${principal} may not ${denied.join(', ')}. Update the role (learner-access.yaml) or ask your instructor.`,
        ko: `${principal}에는 ${denied.join(', ')} 권한이 없습니다. 역할(learner-access.yaml)을 업데이트하거나 강사에게 문의하세요.`,
      });
    }
  } catch (err) {
    notes.push(
      `Permissions were not simulated (${(err as Error).name}): the role may not call iam:SimulatePrincipalPolicy.`,
    );
  }
  return { problems, notes };
}

const UNVERIFIED = /must be verified before you can add new CloudFront resources/i;

/**
 * A new account can be refused every new CloudFront resource ("Your account must be verified before you can add new
 * CloudFront resources. To verify your account, please contact AWS Support") and the stack would roll back after
 * building everything else. An account that already has a distribution is verified; otherwise create and at once
 * delete an origin access control (free, named scalelab-preflight-…), the cheapest CloudFront resource there is.
 * Returns the message to show when CloudFront refuses, undefined otherwise.
 */
async function cloudFrontRefusesNewResources(
  clients: AwsClients,
  notes: string[],
): Promise<{ message: string; ko: string } | undefined> {
  try {
    const listed = await clients.cloudfront.send(new ListDistributionsCommand({ MaxItems: 1 }));
    if ((listed.DistributionList?.Quantity ?? 0) > 0) return undefined;
    const made = await clients.cloudfront.send(
      new CreateOriginAccessControlCommand({
        OriginAccessControlConfig: {
          Name: `scalelab-preflight-${Date.now().toString(36)}`,
          Description: 'ScaleLab pre-flight: may this account create CloudFront resources? Deleted at once.',
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        },
      }),
    );
    await clients.cloudfront
      .send(new DeleteOriginAccessControlCommand({ Id: made.OriginAccessControl?.Id, IfMatch: made.ETag }))
      .catch(() =>
        notes.push(`The pre-flight origin access control ${made.OriginAccessControl?.Id} could not be deleted.`),
      );
    return undefined;
  } catch (err) {
    const e = err as Error;
    if (UNVERIFIED.test(e.message)) {
      return {
        message: `CloudFront refuses new resources in this account until AWS verifies it ("${e.message}"). Open a case with AWS Support (Account and billing → "CloudFront account verification") and launch this stage once it is answered, which can take a day: do it before the workshop.`,
        ko: `AWS가 이 계정을 확인할 때까지 CloudFront가 새 리소스를 거부합니다("${e.message}"). AWS Support에 사례를 여세요(Account and billing → "CloudFront account verification"). 답을 받은 뒤 이 스테이지를 시작하세요. 하루가 걸릴 수 있으니 워크숍 전에 하세요.`,
      };
    }
    notes.push(`CloudFront was not probed (${e.name}): the stack may still be refused if the account is new.`);
    return undefined;
  }
}
