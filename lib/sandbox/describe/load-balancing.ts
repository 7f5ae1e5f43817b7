/** Elastic Load Balancing v2: load balancers, target groups (and their targets' health), listeners and rules. */
import type {
  Listener,
  LoadBalancer,
  TargetGroup,
  TargetHealth,
  TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { CallContext, Handlers } from '../context';
import { type TargetHealth as DataPlaneHealth, targetHealth } from '../data-plane/target-health';
import { regionView } from '../data-plane/view';
import { awsError } from '../errors';
import { page } from '../pagination';
import { forwardedGroups } from '../resources/load-balancing';
import type { ResourceRecord } from '../state';
import { byPhysicalId, inRegion } from './common';

const elbPage = <T>(ctx: CallContext, items: T[], key: string) => {
  const p = page(items, ctx.input, {
    sizeKey: 'PageSize',
    tokenKey: 'Marker',
    outputTokenKey: 'NextMarker',
    maxSize: 400,
  });
  return { [key]: p.items, ...p.token };
};

/** Instances registered with a target group: its own Targets plus what Auto Scaling groups attached to it launched. */
export function targetsOf(ctx: CallContext, tg: ResourceRecord): { id: string; port: number }[] {
  const own = ((tg.props.Targets as Record<string, unknown>[] | undefined) ?? []).map((t) => ({
    id: String(t.Id),
    port: Number(t.Port ?? tg.props.Port),
  }));
  const fromGroups = inRegion(ctx, 'AWS::AutoScaling::AutoScalingGroup')
    .filter((g) => ((g.props.TargetGroupARNs as string[] | undefined) ?? []).includes(tg.physicalId))
    .flatMap((g) =>
      inRegion(ctx, 'AWS::EC2::Instance').filter(
        (i) => i.parent === `AWS::AutoScaling::AutoScalingGroup|${g.physicalId}`,
      ),
    )
    .map((i) => ({ id: i.physicalId, port: Number(tg.props.Port) }));
  return [...own, ...fromGroups];
}

function balancersOf(ctx: CallContext, tgArn: string): string[] {
  const listeners = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::Listener');
  const rules = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::ListenerRule');
  const out = new Set<string>();
  for (const l of listeners)
    if (forwardedGroups(l.props.DefaultActions).includes(tgArn)) out.add(String(l.props.LoadBalancerArn));
  for (const r of rules)
    if (forwardedGroups(r.props.Actions).includes(tgArn)) {
      const l = listeners.find((x) => x.physicalId === r.props.ListenerArn);
      if (l) out.add(String(l.props.LoadBalancerArn));
    }
  return [...out];
}

/** What DescribeTargetHealth says for each data-plane verdict (ELB API Reference › TargetHealth › Description). */
function describedHealth(h: DataPlaneHealth): TargetHealth {
  if (h.state === 'healthy') return { State: 'healthy' };
  const description: Record<string, string> = {
    'Target.Timeout': 'Request timed out',
    'Target.FailedHealthChecks': 'Health checks failed',
    'Target.ResponseCodeMismatch': `Health checks failed with these codes: [${h.status ?? ''}]`,
    'Target.NotInUse': 'Target is in an Availability Zone that is not enabled for the load balancer',
    'Target.InvalidState': 'Target is in the stopped state',
  };
  return {
    State: h.state,
    Reason: h.reason as TargetHealth['Reason'],
    Description: description[h.reason ?? ''],
  };
}

/**
 * Each target's health as the data plane judges it (data-plane/target-health.ts): the load balancer's health check
 * crosses the same hops as a request (its SG egress, the target's SG, the app answering the path with a matching
 * code), under the drill's impairments. Keyed `<instance>:<port>`.
 */
async function judgedHealth(ctx: CallContext, tgArn: string): Promise<Map<string, TargetHealth>> {
  const view = await regionView(ctx.state, ctx.region);
  const tg = view.targetGroups.find((g) => g.TargetGroupArn === tgArn);
  const lb = view.loadBalancers.find((l) => tg?.LoadBalancerArns?.includes(l.LoadBalancerArn ?? ''));
  const out = new Map<string, TargetHealth>();
  if (!tg || !lb) return out;
  for (const h of targetHealth(view, lb, tg, ctx.impairments ?? {}))
    out.set(`${h.instance.InstanceId}:${h.port}`, describedHealth(h));
  return out;
}

export const loadBalancingHandlers: Handlers = {
  'ElasticLoadBalancingV2.DescribeLoadBalancers': (ctx) => {
    const arns = (ctx.input.LoadBalancerArns as string[] | undefined) ?? [];
    const names = (ctx.input.Names as string[] | undefined) ?? [];
    const items: LoadBalancer[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
      .filter(
        (r) =>
          (!arns.length || arns.includes(r.physicalId)) &&
          (!names.length || names.includes(String(r.attrs.LoadBalancerName))),
      )
      .map((r) => ({
        LoadBalancerArn: r.physicalId,
        LoadBalancerName: String(r.attrs.LoadBalancerName),
        DNSName: String(r.attrs.DNSName),
        CanonicalHostedZoneId: String(r.attrs.CanonicalHostedZoneID),
        CreatedTime: new Date(r.createdAt),
        Scheme: r.attrs.Scheme as LoadBalancer['Scheme'],
        Type: r.attrs.Type as LoadBalancer['Type'],
        VpcId: String(r.attrs.VpcId),
        State: { Code: 'active' },
        IpAddressType: 'ipv4',
        SecurityGroups: r.attrs.SecurityGroups as string[],
        AvailabilityZones: [
          ...((r.props.Subnets as string[] | undefined) ?? []),
          ...((r.props.SubnetMappings as { SubnetId: string }[] | undefined) ?? []).map((m) => m.SubnetId),
        ].map((s) => ({
          SubnetId: s,
          ZoneName: String(byPhysicalId(ctx, 'AWS::EC2::Subnet', s)?.attrs.AvailabilityZone ?? ''),
        })),
      }));
    if ((arns.length || names.length) && !items.length)
      throw awsError('LoadBalancerNotFoundException', 'One or more load balancers not found', 400);
    return elbPage(ctx, items, 'LoadBalancers');
  },
  'ElasticLoadBalancingV2.DescribeTargetGroups': (ctx) => {
    const { LoadBalancerArn: lb, TargetGroupArns: arns = [], Names: names = [] } = ctx.input;
    const items: TargetGroup[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::TargetGroup')
      .map((r) => {
        const hc = r.props as Record<string, unknown>;
        return {
          TargetGroupArn: r.physicalId,
          TargetGroupName: String(r.attrs.TargetGroupName),
          Protocol: hc.Protocol as TargetGroup['Protocol'],
          Port: hc.Port === undefined ? undefined : Number(hc.Port),
          VpcId: hc.VpcId as string | undefined,
          TargetType: (hc.TargetType as TargetGroup['TargetType']) ?? 'instance',
          HealthCheckProtocol:
            (hc.HealthCheckProtocol as TargetGroup['HealthCheckProtocol']) ?? (hc.Protocol as TargetGroup['Protocol']),
          HealthCheckPath: (hc.HealthCheckPath as string | undefined) ?? '/',
          HealthCheckPort: String(hc.HealthCheckPort ?? 'traffic-port'),
          HealthCheckEnabled: true,
          HealthCheckIntervalSeconds: Number(hc.HealthCheckIntervalSeconds ?? 30),
          HealthCheckTimeoutSeconds: Number(hc.HealthCheckTimeoutSeconds ?? 5),
          HealthyThresholdCount: Number(hc.HealthyThresholdCount ?? 5),
          UnhealthyThresholdCount: Number(hc.UnhealthyThresholdCount ?? 2),
          // ELB answers the success codes of an HTTP(S) group's health checks (200 unless the template sets them).
          Matcher: (hc.Matcher as TargetGroup['Matcher']) ?? { HttpCode: '200' },
          LoadBalancerArns: balancersOf(ctx, r.physicalId),
          IpAddressType: 'ipv4' as const,
        };
      })
      .filter(
        (t) =>
          (!lb || t.LoadBalancerArns?.includes(lb)) &&
          (!arns.length || arns.includes(t.TargetGroupArn)) &&
          (!names.length || names.includes(t.TargetGroupName)),
      );
    return elbPage(ctx, items, 'TargetGroups');
  },
  'ElasticLoadBalancingV2.DescribeTargetHealth': async (ctx) => {
    const tg = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::TargetGroup').find(
      (r) => r.physicalId === ctx.input.TargetGroupArn,
    );
    if (!tg)
      throw awsError('TargetGroupNotFoundException', `Target groups '${String(ctx.input.TargetGroupArn)}' not found`);
    const judged = balancersOf(ctx, tg.physicalId).length ? await judgedHealth(ctx, tg.physicalId) : undefined;
    const descriptions: TargetHealthDescription[] = targetsOf(ctx, tg).map((t) => {
      const instance = byPhysicalId(ctx, 'AWS::EC2::Instance', t.id);
      return {
        Target: {
          Id: t.id,
          Port: t.port,
          AvailabilityZone: instance ? String(instance.attrs.AvailabilityZone) : undefined,
        },
        HealthCheckPort: String(t.port),
        // ELB User Guide › Health checks for your target groups › Health check reason codes.
        TargetHealth: !instance
          ? { State: 'unavailable', Reason: 'Target.InvalidState', Description: 'Target is in the stopped state' }
          : instance.attrs.InstanceState === 'stopped'
            ? { State: 'unused', Reason: 'Target.InvalidState', Description: 'Target is in the stopped state' }
            : !judged
              ? {
                  State: 'unused',
                  Reason: 'Target.NotInUse',
                  Description: 'Target group is not configured to receive traffic from the load balancer',
                }
              : (judged.get(`${t.id}:${t.port}`) ?? { State: 'healthy' }),
      };
    });
    return { TargetHealthDescriptions: descriptions };
  },
  'ElasticLoadBalancingV2.DescribeListeners': (ctx) => {
    const { LoadBalancerArn: lb, ListenerArns: arns = [] } = ctx.input;
    const items: Listener[] = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::Listener')
      .filter((r) => (!lb || r.props.LoadBalancerArn === lb) && (!arns.length || arns.includes(r.physicalId)))
      .map((r) => ({
        ListenerArn: r.physicalId,
        LoadBalancerArn: String(r.props.LoadBalancerArn),
        Port: Number(r.props.Port),
        Protocol: (r.props.Protocol as Listener['Protocol']) ?? 'HTTP',
        Certificates: r.props.Certificates as Listener['Certificates'],
        SslPolicy: r.props.SslPolicy as string | undefined,
        DefaultActions: r.props.DefaultActions as Listener['DefaultActions'],
      }));
    return elbPage(ctx, items, 'Listeners');
  },
  'ElasticLoadBalancingV2.DescribeRules': (ctx) => {
    const items = inRegion(ctx, 'AWS::ElasticLoadBalancingV2::ListenerRule')
      .filter((r) => !ctx.input.ListenerArn || r.props.ListenerArn === ctx.input.ListenerArn)
      .map((r) => ({
        RuleArn: r.physicalId,
        Priority: String(r.props.Priority),
        Conditions: r.props.Conditions,
        Actions: r.props.Actions,
        IsDefault: false,
      }));
    return elbPage(ctx, items, 'Rules');
  },
};
