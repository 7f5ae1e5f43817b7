import type { Instance } from '@aws-sdk/client-ec2';
import type { LoadBalancer, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { labAppAnswer } from './lab-app';
import { type Origin, toInstance } from './reachability';
import { admitsEgress, groupsLabel } from './security-groups';
import { type Hop, hop, type Impairments } from './trace';
import type { RegionView } from './view';

/** A target's health, as DescribeTargetHealth words it, judged from the same hops a request crosses. */
export interface TargetHealth {
  instance: Instance;
  port: number;
  state: 'healthy' | 'unhealthy' | 'unused';
  reason?: string;
  /** The health check's answer code, when it did not match (Target.ResponseCodeMismatch). */
  status?: number;
  hop: Hop;
}

export const albOrigin = (view: RegionView, lb: LoadBalancer): Origin => {
  const groups = lb.SecurityGroups ?? [];
  const cidrs = (lb.AvailabilityZones ?? []).flatMap(
    (z) => view.subnets.find((s) => s.SubnetId === z.SubnetId)?.CidrBlock ?? [],
  );
  const label = groups.length
    ? `the ALB SG (${groupsLabel(view.securityGroups, groups)})`
    : `the load balancer ${lb.LoadBalancerName}`;
  return {
    sender: { cidrs, groupIds: groups },
    label: { en: label, ko: label.replace('the ALB SG', 'ALB SG').replace('the load balancer', '로드 밸런서') },
  };
};

const codeMatches = (matcher: string | undefined, status: number) =>
  (matcher ?? '200').split(',').some((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? status === from : status >= (from ?? 0) && status <= to;
  });

/**
 * Each registered target's health (Elastic Load Balancing › Health checks for your target groups): a stopped target
 * is `unused` (Target.InvalidState), one in an AZ the load balancer does not serve is `unused` (Target.NotInUse); a
 * running one is healthy when the load balancer reaches it — its SG egress, the target's SG admitting the ALB SG (or
 * the ALB's subnets) on the health check port — and the app answers the health check path with a matching code.
 */
export function targetHealth(
  view: RegionView,
  lb: LoadBalancer,
  tg: TargetGroup,
  impairments: Impairments = {},
): TargetHealth[] {
  const origin = albOrigin(view, lb);
  const zones = (lb.AvailabilityZones ?? []).map((z) => z.ZoneName);
  const lbGroups = view.securityGroups.filter((g) => (lb.SecurityGroups ?? []).includes(g.GroupId ?? ''));
  const out: TargetHealth[] = [];
  for (const t of view.registered[tg.TargetGroupArn ?? ''] ?? []) {
    const instance = view.instances.find((i) => i.InstanceId === t.id);
    if (!instance || instance.State?.Name === 'terminated') continue;
    const az = instance.Placement?.AvailabilityZone;
    const judge = (state: TargetHealth['state'], reason: string | undefined, en: string, ko: string, status?: number) =>
      out.push({
        instance,
        port: t.port,
        state,
        reason,
        status,
        hop: hop('target-group', t.id, state === 'healthy', en, ko),
      });
    if (instance.State?.Name !== 'running') {
      judge(
        'unused',
        'Target.InvalidState',
        `${t.id} is ${instance.State?.Name}: the target group does not use it.`,
        `${t.id}의 상태가 ${instance.State?.Name}이므로 대상 그룹이 사용하지 않습니다.`,
      );
      continue;
    }
    if (!zones.includes(az)) {
      judge(
        'unused',
        'Target.NotInUse',
        `${t.id} is in ${az}, an AZ the load balancer is not enabled in.`,
        `${t.id}는 로드 밸런서가 활성화되지 않은 AZ ${az}에 있습니다.`,
      );
      continue;
    }
    const port = tg.HealthCheckPort && tg.HealthCheckPort !== 'traffic-port' ? Number(tg.HealthCheckPort) : t.port;
    const targetGroups = (instance.SecurityGroups ?? []).map((g) => g.GroupId ?? '');
    if (
      lbGroups.length &&
      !admitsEgress(lbGroups, port, { ip: instance.PrivateIpAddress ?? '', groupIds: targetGroups })
    ) {
      judge(
        'unhealthy',
        'Target.Timeout',
        `${origin.label.en} does not let the load balancer out to port ${port} of ${t.id}.`,
        `${origin.label.ko}가 로드 밸런서에서 ${t.id}의 ${port}번 포트로 나가는 것을 허용하지 않습니다.`,
      );
      continue;
    }
    const path = toInstance(view, instance, port, origin, impairments);
    if (path.stop) {
      const refused = path.stop.kind === 'dropped' && path.stop.code === 'ECONNREFUSED';
      judge(
        'unhealthy',
        refused ? 'Target.FailedHealthChecks' : 'Target.Timeout',
        `${t.id} fails its health checks: ${path.stop.by.says.en}`,
        `${t.id}가 상태 확인에 실패합니다. ${path.stop.by.says.ko}`,
      );
      continue;
    }
    const check = labAppAnswer(
      view,
      instance,
      view.apps[t.id]!,
      tg.HealthCheckPath ?? '/',
      { visit: () => 0 },
      impairments,
    ).answer;
    if (!codeMatches(tg.Matcher?.HttpCode, check.status)) {
      judge(
        'unhealthy',
        'Target.ResponseCodeMismatch',
        `${t.id} answers its health check ${tg.HealthCheckPath ?? '/'} with ${check.status}, not ${tg.Matcher?.HttpCode ?? '200'}.`,
        `${t.id}가 상태 확인 ${tg.HealthCheckPath ?? '/'}에 ${tg.Matcher?.HttpCode ?? '200'}이 아니라 ${check.status}(으)로 응답합니다.`,
        check.status,
      );
      continue;
    }
    judge('healthy', undefined, `${t.id} (${az}) is healthy.`, `${t.id}(${az})는 정상(healthy)입니다.`);
  }
  return out;
}
