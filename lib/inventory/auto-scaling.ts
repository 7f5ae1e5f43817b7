import {
  type AutoScalingGroup,
  paginateDescribeAutoScalingGroups,
  paginateDescribePolicies,
  type ScalingPolicy,
} from '@aws-sdk/client-auto-scaling';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** The subnets an Auto Scaling group launches into (`VPCZoneIdentifier` is a comma-separated list). */
export function asgSubnetIds(asg: AutoScalingGroup): string[] {
  return (asg.VPCZoneIdentifier ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every Auto Scaling group of the region: one paginated describe per run, filtered by the lab's subnets afterwards. */
export function loadAutoScalingGroups(clients: AwsClients, memo: Memo): Promise<AutoScalingGroup[]> {
  return memo.get('autoscaling.groups', () =>
    collect(paginateDescribeAutoScalingGroups({ client: clients.autoscaling }, {}), (p) => p.AutoScalingGroups),
  );
}

/** Every scaling policy of the region: one paginated DescribePolicies per run, filtered by group afterwards. */
export function loadScalingPolicies(clients: AwsClients, memo: Memo): Promise<ScalingPolicy[]> {
  return memo.get('autoscaling.policies', () =>
    collect(paginateDescribePolicies({ client: clients.autoscaling }, {}), (p) => p.ScalingPolicies),
  );
}

/** The target groups a group registers its instances with (classic attachment or traffic sources). */
export function attachedTargetGroups(asg: AutoScalingGroup): string[] {
  const fromSources = (asg.TrafficSources ?? []).flatMap((t) =>
    t.Identifier && (t.Type === 'elbv2' || t.Identifier.includes(':targetgroup/')) ? [t.Identifier] : [],
  );
  return [...new Set([...(asg.TargetGroupARNs ?? []), ...fromSources])];
}
