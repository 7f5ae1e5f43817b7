import { cfnSuffix, generatedName, resourceId, stableHex, uuid } from '../ids';
import { REGIONS } from '../regions';
import { launchInstance, launchTemplateData, needSecurityGroup } from './ec2-compute';
import { needSubnet, needVpc } from './ec2-network';
import { type Child, fail, list, type Models, need, num, obj, str, tagsOf } from './model';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';

/** CloudFormation's generated ELB names: at most 32 characters, `Stack-Logic-1A2B3C4D5E6F`. */
const elbName = (stack: string, logical: string) => `${stack.slice(0, 9)}-${logical.slice(0, 9)}-${cfnSuffix(12)}`;

const tgNotFound = (arn: string): [string, string] => [`Target groups '${arn}' not found`, 'TargetGroupNotFound'];

/** Every target group an action list forwards to. */
export function forwardedGroups(actions: unknown): string[] {
  const out: string[] = [];
  for (const a of (actions as Record<string, unknown>[] | undefined) ?? []) {
    if (a.TargetGroupArn) out.push(String(a.TargetGroupArn));
    for (const t of (obj(a, 'ForwardConfig').TargetGroups as Record<string, unknown>[] | undefined) ?? [])
      if (t.TargetGroupArn) out.push(String(t.TargetGroupArn));
  }
  return out;
}

export const loadBalancingModels: Models = {
  [LB]: {
    seconds: 180,
    make(ctx) {
      const { props, region, accountId, existing } = ctx;
      const type = str(props, 'Type') ?? 'application';
      const scheme = str(props, 'Scheme') ?? 'internet-facing';
      const subnets = [
        ...list(props, 'Subnets'),
        ...((props.SubnetMappings as Record<string, unknown>[] | undefined) ?? []).map((m) => String(m.SubnetId)),
      ].map((s) => needSubnet(ctx, s));
      // Two Availability Zones, one subnet each: lib/sandbox/rules/elbv2.ts.
      const vpcs = new Set(subnets.map((s) => s.attrs.VpcId));
      if (vpcs.size > 1) fail('Subnets must all be in the same VPC.', 'InvalidSubnet');
      for (const g of list(props, 'SecurityGroups')) needSecurityGroup(ctx, g);
      if (scheme === 'internet-facing') {
        for (const s of subnets) {
          const hasIgw = ctx.world
            .all('AWS::EC2::VPCGatewayAttachment')
            .some((a) => a.props.VpcId === s.attrs.VpcId && a.props.InternetGatewayId);
          if (!hasIgw) fail(`VPC ${String(s.attrs.VpcId)} has no internet gateway`, 'InvalidSubnet');
        }
      }
      const name =
        str(props, 'Name') ?? (existing?.attrs.LoadBalancerName as string) ?? elbName(ctx.stackName, ctx.logicalId);
      const kind = type === 'network' ? 'net' : type === 'gateway' ? 'gwy' : 'app';
      const arn =
        existing?.physicalId ??
        `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${kind}/${name}/${stableHex(uuid(), 16)}`;
      const full = arn.split(':loadbalancer/')[1]!;
      const dnsPrefix = `${scheme === 'internal' ? 'internal-' : ''}${name}-${Number.parseInt(stableHex(arn, 8), 16)}`;
      const vpcId = String(subnets[0]?.attrs.VpcId ?? '');
      const sgs = list(props, 'SecurityGroups');
      const vpc = vpcId ? needVpc(ctx, vpcId) : undefined;
      return {
        physicalId: arn,
        attrs: {
          LoadBalancerArn: arn,
          LoadBalancerName: name,
          LoadBalancerFullName: full,
          DNSName: `${dnsPrefix}.${region}.elb.amazonaws.com`,
          CanonicalHostedZoneID: REGIONS[region]?.elbZone ?? 'Z35SXDOTRQ7X7K',
          SecurityGroups: kind === 'app' && !sgs.length && vpc ? [String(vpc.attrs.DefaultSecurityGroup)] : sgs,
          VpcId: vpcId,
          Type: type,
          Scheme: scheme,
        },
      };
    },
  },

  [TG]: {
    seconds: 2,
    make(ctx) {
      const { props, region, accountId, existing } = ctx;
      const targetType = str(props, 'TargetType') ?? 'instance';
      if (targetType !== 'lambda') {
        if (!props.VpcId) fail('A VPC ID must be specified', 'ValidationError');
        needVpc(ctx, props.VpcId);
        if (!props.Port || !props.Protocol) fail('A port and protocol must be specified', 'ValidationError');
      }
      for (const t of (props.Targets as Record<string, unknown>[] | undefined) ?? [])
        if (targetType === 'instance')
          need(ctx, 'AWS::EC2::Instance', t.Id, (id) => [
            `The following targets are not in a running state and cannot be registered: '${id}'`,
            'InvalidTarget',
          ]);
      const name =
        str(props, 'Name') ?? (existing?.attrs.TargetGroupName as string) ?? elbName(ctx.stackName, ctx.logicalId);
      const arn =
        existing?.physicalId ??
        `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}/${stableHex(uuid(), 16)}`;
      return {
        physicalId: arn,
        attrs: {
          TargetGroupArn: arn,
          TargetGroupName: name,
          TargetGroupFullName: arn.split(':')[5] ?? '',
          LoadBalancerArns: [],
        },
      };
    },
  },

  [LISTENER]: {
    seconds: 2,
    make(ctx) {
      const { props, existing } = ctx;
      const lb = need(ctx, LB, props.LoadBalancerArn, (arn) => [
        `Load balancer '${arn}' not found`,
        'LoadBalancerNotFound',
      ]);
      const protocol = str(props, 'Protocol') ?? 'HTTP';
      if (protocol === 'HTTPS' && !(props.Certificates as unknown[] | undefined)?.length)
        fail('A certificate must be specified for HTTPS listeners', 'CertificateNotFound');
      if (!(props.DefaultActions as unknown[] | undefined)?.length)
        fail('A default action must be specified', 'ValidationError');
      for (const tg of forwardedGroups(props.DefaultActions)) need(ctx, TG, tg, tgNotFound);
      const taken = ctx.world
        .all(LISTENER)
        .find(
          (l) =>
            l.props.LoadBalancerArn === lb.physicalId && String(l.props.Port) === String(props.Port) && l !== existing,
        );
      if (taken) fail('A listener already exists on this port for this load balancer', 'DuplicateListener');
      const arn =
        existing?.physicalId ?? `${lb.physicalId.replace(':loadbalancer/', ':listener/')}/${stableHex(uuid(), 16)}`;
      return { physicalId: arn, attrs: { ListenerArn: arn } };
    },
  },

  'AWS::ElasticLoadBalancingV2::ListenerRule': {
    seconds: 2,
    make(ctx) {
      const listener = need(ctx, LISTENER, ctx.props.ListenerArn, (arn) => [
        `Listener '${arn}' not found`,
        'ListenerNotFound',
      ]);
      for (const tg of forwardedGroups(ctx.props.Actions)) need(ctx, TG, tg, tgNotFound);
      const priority = num(ctx.props, 'Priority');
      if (priority === undefined || priority < 1 || priority > 50000)
        fail('Priority must be between 1 and 50000', 'ValidationError');
      const arn =
        ctx.existing?.physicalId ??
        `${listener.physicalId.replace(':listener/', ':listener-rule/')}/${stableHex(uuid(), 16)}`;
      return { physicalId: arn, attrs: { RuleArn: arn, IsDefault: false } };
    },
  },

  [ASG]: {
    seconds: 60,
    make(ctx) {
      const { props, region, accountId, existing, world } = ctx;
      const min = num(props, 'MinSize');
      const max = num(props, 'MaxSize');
      if (min === undefined || max === undefined) fail('MinSize and MaxSize are required.', 'ValidationError');
      const desired = num(props, 'DesiredCapacity') ?? min; // min ≤ desired ≤ max: lib/sandbox/rules/autoscaling.ts
      const subnets = list(props, 'VPCZoneIdentifier').map((s) => needSubnet(ctx, s));
      if (!subnets.length) fail('No default VPC for this account. Specify VPCZoneIdentifier.', 'ValidationError');
      const template = props.LaunchTemplate
        ? launchTemplateData(ctx, props.LaunchTemplate)
        : props.MixedInstancesPolicy
          ? launchTemplateData(
              ctx,
              obj(
                obj(props.MixedInstancesPolicy as Record<string, unknown>, 'LaunchTemplate'),
                'LaunchTemplateSpecification',
              ),
            )
          : fail('You must use a valid fully-formed launch template.', 'ValidationError');
      for (const tg of list(props, 'TargetGroupARNs')) need(ctx, TG, tg, tgNotFound);
      const name =
        str(props, 'AutoScalingGroupName') ?? existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      const arn =
        (existing?.attrs.Arn as string) ??
        `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${uuid()}:autoScalingGroupName/${name}`;
      // The group "launches" its desired instances, spread over its subnets in turn, reusing the ones it has.
      const current = existing ? world.childrenOf(`${ASG}|${existing.physicalId}`) : [];
      const propagated = tagsOf(props).filter((_, i) => {
        const t = (props.Tags as Record<string, unknown>[] | undefined)?.[i];
        return t?.PropagateAtLaunch === true || t?.PropagateAtLaunch === 'true';
      });
      const ltTags = ((template.TagSpecifications as Record<string, unknown>[] | undefined) ?? [])
        .filter((s) => s.ResourceType === 'instance')
        .flatMap((s) => tagsOf(s));
      const children: Child[] = [];
      for (let i = 0; i < desired; i++) {
        const subnet = subnets[i % subnets.length]!;
        const reuse = current.find(
          (c) => c.attrs.SubnetId === subnet.physicalId && !children.some((x) => x.physicalId === c.physicalId),
        );
        const child = launchInstance(
          ctx,
          {
            ImageId: template.ImageId,
            InstanceType: template.InstanceType,
            SubnetId: subnet.physicalId,
            SecurityGroupIds: template.SecurityGroupIds,
            IamInstanceProfile: (obj(template, 'IamInstanceProfile').Name ?? obj(template, 'IamInstanceProfile').Arn) as
              | string
              | undefined,
            MetadataOptions: template.MetadataOptions,
          },
          reuse?.physicalId,
        );
        child.tags = [...ltTags, ...propagated, { Key: 'aws:autoscaling:groupName', Value: name }];
        children.push(child);
      }
      return {
        physicalId: name,
        attrs: { Arn: arn, AutoScalingGroupName: name, LaunchConfigurationName: undefined },
        children,
      };
    },
  },

  'AWS::AutoScaling::ScalingPolicy': {
    seconds: 2,
    make(ctx) {
      const { props, region, accountId, existing } = ctx;
      const group = need(ctx, ASG, props.AutoScalingGroupName, (n) => [
        `AutoScalingGroup name not found - ${n}`,
        'ValidationError',
      ]);
      const type = str(props, 'PolicyType') ?? 'SimpleScaling';
      if (type === 'TargetTrackingScaling' && !props.TargetTrackingConfiguration)
        fail('TargetTrackingConfiguration is required for a TargetTrackingScaling policy.', 'ValidationError');
      if (type === 'SimpleScaling' && props.ScalingAdjustment === undefined)
        fail('ScalingAdjustment is required for SimpleScaling.', 'ValidationError');
      const name = (existing?.attrs.PolicyName as string) ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      const arn =
        existing?.physicalId ??
        `arn:aws:autoscaling:${region}:${accountId}:scalingPolicy:${uuid()}:autoScalingGroupName/${group.physicalId}:policyName/${name}`;
      return {
        physicalId: arn,
        attrs: { Arn: arn, PolicyName: name, AutoScalingGroupName: group.physicalId, AlarmId: resourceId('alarm') },
      };
    },
  },
};
