import type { Instance } from '@aws-sdk/client-ec2';
import {
  DescribeTargetHealthCommand,
  type LoadBalancer,
  paginateDescribeLoadBalancers,
  paginateDescribeTargetGroups,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** Every load balancer of the region (the API has no VPC filter): one paginated DescribeLoadBalancers per run. */
export function loadLoadBalancers(clients: AwsClients, memo: Memo): Promise<LoadBalancer[]> {
  return memo.get('elbv2.loadBalancers', () =>
    collect(paginateDescribeLoadBalancers({ client: clients.elbv2 }, {}), (p) => p.LoadBalancers),
  );
}

/** Every target group of the region: one paginated DescribeTargetGroups per run, filtered by VPC afterwards. */
export function loadTargetGroups(clients: AwsClients, memo: Memo): Promise<TargetGroup[]> {
  return memo.get('elbv2.targetGroups', () =>
    collect(paginateDescribeTargetGroups({ client: clients.elbv2 }, {}), (p) => p.TargetGroups),
  );
}

/** The health of a target group's targets (DescribeTargetHealth has no paginator: one call per group, memoized). */
export function loadTargetHealth(clients: AwsClients, memo: Memo, targetGroupArn: string) {
  return memo.get(`elbv2.targetHealth:${targetGroupArn}`, async () => {
    const out = await clients.elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
    return out.TargetHealthDescriptions ?? [];
  });
}

export const isInternetFacingAlb = (lb: LoadBalancer): boolean =>
  lb.Type === 'application' && lb.Scheme === 'internet-facing';

/** The distinct Availability Zones a load balancer has subnets in. */
export function loadBalancerAzs(lb: LoadBalancer): string[] {
  return [...new Set((lb.AvailabilityZones ?? []).flatMap((z) => (z.ZoneName ? [z.ZoneName] : [])))].sort();
}

/** The target groups that serve a load balancer (a target group names the load balancers it is attached to). */
export function targetGroupsOf(lb: LoadBalancer, groups: TargetGroup[]): TargetGroup[] {
  return groups.filter((tg) => lb.LoadBalancerArn && tg.LoadBalancerArns?.includes(lb.LoadBalancerArn));
}

/** A registered target with the AZ it runs in and its health as the load balancer sees it. */
export interface PlacedTarget {
  id: string;
  port: number | undefined;
  az: string | undefined;
  state: string;
  reason: string | undefined;
  /** The EC2 instance behind the target, when it is one (instance targets, or an IP target's instance). */
  instance: Instance | undefined;
}

/**
 * Put each target in its Availability Zone. DescribeTargetHealth names a target's AZ only for IP targets outside the
 * VPC, so instance targets are placed through the instance, and IP targets through the instance holding the IP.
 */
export function placeTargets(health: TargetHealthDescription[], instances: Instance[]): PlacedTarget[] {
  return health.flatMap((h) => {
    const id = h.Target?.Id;
    if (!id) return [];
    const instance = instances.find(
      (i) =>
        i.InstanceId === id || i.PrivateIpAddress === id || i.NetworkInterfaces?.some((n) => n.PrivateIpAddress === id),
    );
    return [
      {
        id,
        port: h.Target?.Port,
        az: h.Target?.AvailabilityZone ?? instance?.Placement?.AvailabilityZone,
        state: h.TargetHealth?.State ?? 'unknown',
        reason: h.TargetHealth?.Reason,
        instance,
      },
    ];
  });
}

/** The AZs with at least one healthy target. */
export function healthyAzs(targets: PlacedTarget[]): string[] {
  return [...new Set(targets.filter((t) => t.state === 'healthy').flatMap((t) => (t.az ? [t.az] : [])))].sort();
}

/** `app/lab-alb/50dc6c495c0c9188`: how CloudWatch names a load balancer (the LoadBalancer dimension). */
export function loadBalancerDimension(arn: string | undefined): string | undefined {
  return arn?.split(':loadbalancer/')[1];
}

/** `targetgroup/lab-web/73e2d6bc24d8a067`: the TargetGroup dimension of a target group ARN. */
export function targetGroupDimension(arn: string | undefined): string | undefined {
  const m = arn?.match(/:(targetgroup\/.+)$/);
  return m?.[1];
}
