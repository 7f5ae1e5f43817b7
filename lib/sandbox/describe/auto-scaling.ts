/** Auto Scaling: groups with the instances they launched, and their scaling policies. */
import type { AutoScalingGroup, EnabledMetric, ScalingPolicy } from '@aws-sdk/client-auto-scaling';
import type { Handlers } from '../context';
import { page } from '../pagination';
import { byPhysicalId, inRegion } from './common';

// Amazon EC2 Auto Scaling API Reference › EnabledMetric / EnableMetricsCollection: every group metric, all enabled
// when a MetricsCollection names a Granularity and no Metrics.
const GROUP_METRICS = [
  'GroupMinSize',
  'GroupMaxSize',
  'GroupDesiredCapacity',
  'GroupInServiceInstances',
  'GroupPendingInstances',
  'GroupStandbyInstances',
  'GroupTerminatingInstances',
  'GroupTotalInstances',
  'GroupInServiceCapacity',
  'GroupPendingCapacity',
  'GroupStandbyCapacity',
  'GroupTerminatingCapacity',
  'GroupTotalCapacity',
  'WarmPoolDesiredCapacity',
  'WarmPoolWarmedCapacity',
  'WarmPoolPendingCapacity',
  'WarmPoolTerminatingCapacity',
  'WarmPoolTotalCapacity',
  'GroupAndWarmPoolDesiredCapacity',
  'GroupAndWarmPoolTotalCapacity',
];

/** The group metrics its MetricsCollection enables (none without one). */
function enabledMetrics(collection: unknown): EnabledMetric[] {
  const out = new Map<string, EnabledMetric>();
  for (const c of Array.isArray(collection) ? (collection as Record<string, unknown>[]) : []) {
    const granularity = String(c.Granularity ?? '1Minute');
    const named = Array.isArray(c.Metrics) && c.Metrics.length ? c.Metrics.map(String) : GROUP_METRICS;
    for (const m of named) out.set(m, { Metric: m, Granularity: granularity });
  }
  return [...out.values()];
}

export const autoScalingHandlers: Handlers = {
  'AutoScaling.DescribeAutoScalingGroups': (ctx) => {
    const names = (ctx.input.AutoScalingGroupNames as string[] | undefined) ?? [];
    const items: AutoScalingGroup[] = inRegion(ctx, 'AWS::AutoScaling::AutoScalingGroup')
      .filter((r) => !names.length || names.includes(r.physicalId))
      .map((r) => {
        const p = r.props;
        const instances = inRegion(ctx, 'AWS::EC2::Instance').filter(
          (i) => i.parent === `AWS::AutoScaling::AutoScalingGroup|${r.physicalId}`,
        );
        const subnets = ((p.VPCZoneIdentifier as string[] | undefined) ?? []).map(String);
        const lt = p.LaunchTemplate as Record<string, string> | undefined;
        return {
          AutoScalingGroupName: r.physicalId,
          AutoScalingGroupARN: String(r.attrs.Arn),
          MinSize: Number(p.MinSize),
          MaxSize: Number(p.MaxSize),
          DesiredCapacity: Number(p.DesiredCapacity ?? p.MinSize),
          DefaultCooldown: Number(p.Cooldown ?? 300),
          AvailabilityZones: [
            ...new Set(
              subnets.map((s) => String(byPhysicalId(ctx, 'AWS::EC2::Subnet', s)?.attrs.AvailabilityZone ?? '')),
            ),
          ],
          VPCZoneIdentifier: subnets.join(','),
          HealthCheckType: String(p.HealthCheckType ?? 'EC2'),
          HealthCheckGracePeriod: Number(p.HealthCheckGracePeriod ?? 0),
          TargetGroupARNs: (p.TargetGroupARNs as string[] | undefined) ?? [],
          EnabledMetrics: enabledMetrics(p.MetricsCollection),
          LoadBalancerNames: [],
          LaunchTemplate: lt
            ? { LaunchTemplateId: lt.LaunchTemplateId, LaunchTemplateName: lt.LaunchTemplateName, Version: lt.Version }
            : undefined,
          CreatedTime: new Date(r.createdAt),
          Instances: instances.map((i) => ({
            InstanceId: i.physicalId,
            InstanceType: String(i.attrs.InstanceType),
            AvailabilityZone: String(i.attrs.AvailabilityZone),
            LifecycleState: 'InService',
            HealthStatus: 'Healthy',
            ProtectedFromScaleIn: false,
            LaunchTemplate: lt ? { LaunchTemplateId: lt.LaunchTemplateId, Version: lt.Version } : undefined,
          })),
          Tags: r.tags.map((t) => ({
            ResourceId: r.physicalId,
            ResourceType: 'auto-scaling-group',
            Key: t.Key,
            Value: t.Value,
            PropagateAtLaunch: false,
          })),
          TerminationPolicies: ['Default'],
          NewInstancesProtectedFromScaleIn: false,
          ServiceLinkedRoleARN: `arn:aws:iam::${ctx.state.accountId}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
        } as AutoScalingGroup;
      });
    const p = page(items, ctx.input, { sizeKey: 'MaxRecords', maxSize: 100 });
    return { AutoScalingGroups: p.items, ...p.token };
  },
  'AutoScaling.DescribePolicies': (ctx) => {
    const group = ctx.input.AutoScalingGroupName as string | undefined;
    const items: ScalingPolicy[] = inRegion(ctx, 'AWS::AutoScaling::ScalingPolicy')
      .filter((r) => !group || r.attrs.AutoScalingGroupName === group)
      .map((r) => ({
        AutoScalingGroupName: String(r.attrs.AutoScalingGroupName),
        PolicyName: String(r.attrs.PolicyName),
        PolicyARN: r.physicalId,
        PolicyType: String(r.props.PolicyType ?? 'SimpleScaling'),
        AdjustmentType: r.props.AdjustmentType as string | undefined,
        ScalingAdjustment: r.props.ScalingAdjustment === undefined ? undefined : Number(r.props.ScalingAdjustment),
        TargetTrackingConfiguration: r.props
          .TargetTrackingConfiguration as ScalingPolicy['TargetTrackingConfiguration'],
        StepAdjustments: r.props.StepAdjustments as ScalingPolicy['StepAdjustments'],
        Alarms: [],
        Enabled: true,
      }));
    const p = page(items, ctx.input, { sizeKey: 'MaxRecords', maxSize: 100 });
    return { ScalingPolicies: p.items, ...p.token };
  },
};
