import type { Action, LoadBalancer, RedirectActionConfig, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';
import { appAnswers, fromInternet, toInstance } from './reachability';
import { blocked, internetToSubnet } from './routes';
import { admitsIngress, groupsLabel } from './security-groups';
import { albOrigin, targetHealth } from './target-health';
import {
  answered,
  dropped,
  type Hop,
  type HttpAnswer,
  hop,
  type Impairments,
  impairedAz,
  type Memory,
  type Outcome,
  type Request,
} from './trace';
import type { RegionView } from './view';

/** The load balancer's own error pages (Elastic Load Balancing User Guide › Troubleshoot your Application Load Balancers). */
const TITLES: Record<number, string> = {
  400: '400 Bad Request',
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
};
export const elbError = (status: number): HttpAnswer => ({
  status,
  headers: { server: 'awselb/2.0', 'content-type': 'text/html' },
  body: `<html>\r\n<head><title>${TITLES[status]}</title></head>\r\n<body>\r\n<center><h1>${TITLES[status]}</h1></center>\r\n</body>\r\n</html>\r\n`,
});

/** Path patterns and host headers of a listener rule (`*` and `?` wildcards, as ELB matches them). */
function ruleMatches(rule: Rule, request: Request): boolean {
  const glob = (pattern: string, value: string) =>
    new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll('?', '.')}$`,
      'i',
    ).test(value);
  return (rule.Conditions ?? []).every((c) => {
    const values = c.Values ?? c.PathPatternConfig?.Values ?? c.HostHeaderConfig?.Values ?? [];
    if (c.Field === 'path-pattern') return values.some((v) => glob(v, request.path.split('?')[0] ?? '/'));
    if (c.Field === 'host-header') return values.some((v) => glob(v, request.host));
    return false; // conditions the data plane does not model never match
  });
}

function actionFor(view: RegionView, listenerArn: string, defaults: Action[], request: Request): Action | undefined {
  const rules = (view.rules[listenerArn] ?? [])
    .filter((r) => !r.IsDefault)
    .sort((a, b) => Number(a.Priority) - Number(b.Priority));
  const actions = rules.find((r) => ruleMatches(r, request))?.Actions ?? defaults;
  return [...actions]
    .sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0))
    .find((a) => a.Type !== 'authenticate-oidc' && a.Type !== 'authenticate-cognito');
}

/**
 * A request to an internet-facing load balancer's DNS name: a node in one of its AZs (round robin, as DNS hands them
 * out; a node in a dark AZ leaves DNS), that subnet's path from the internet, the ALB SG, the listener on the port,
 * its rule's action, then one of the target group's healthy targets — across AZs, as cross-zone load balancing is
 * always on for an ALB. With no healthy target the ALB fails open over the unhealthy ones; with none in use, it
 * answers 503 itself.
 */
export function toLoadBalancer(
  view: RegionView,
  lb: LoadBalancer,
  request: Request,
  memory: Memory,
  impairments: Impairments,
): Outcome {
  const name = lb.LoadBalancerName ?? lb.DNSName ?? '';
  const lbHop = (ok: boolean, en: string, ko: string) => hop('load-balancer', lb.LoadBalancerArn ?? name, ok, en, ko);
  if (lb.Scheme === 'internal')
    return dropped(
      [],
      lbHop(
        false,
        `${name} is internal: its DNS name resolves to private addresses the internet cannot reach.`,
        `${name}는 내부(internal) 로드 밸런서라서 DNS 이름이 인터넷에서 닿을 수 없는 사설 주소로 풀립니다.`,
      ),
    );
  if (lb.State?.Code !== 'active')
    return dropped(
      [],
      lbHop(
        false,
        `${name} is ${lb.State?.Code ?? 'not active'}.`,
        `${name}의 상태가 ${lb.State?.Code ?? 'active 아님'}입니다.`,
      ),
    );
  const nodes = (lb.AvailabilityZones ?? []).filter((z) => !impairedAz(impairments, z.ZoneName));
  if (!nodes.length)
    return dropped(
      [],
      lbHop(
        false,
        `Every AZ of ${name} is down: no node answers.`,
        `${name}의 모든 AZ가 중단되어 응답하는 노드가 없습니다.`,
      ),
    );
  const node = nodes[memory.turn(`node:${lb.LoadBalancerArn}`, nodes.length)]!;
  const hops = [
    lbHop(
      true,
      `${name} answers through its node in ${node.ZoneName} (${node.SubnetId}).`,
      `${name}가 ${node.ZoneName}의 노드(${node.SubnetId})로 응답합니다.`,
    ),
  ];
  hops.push(...internetToSubnet(view, node.SubnetId ?? '', request.port));
  const stop = blocked(hops);
  if (stop) return dropped(hops.slice(0, -1), stop);
  const lbGroupIds = lb.SecurityGroups ?? [];
  const lbGroups = view.securityGroups.filter((g) => lbGroupIds.includes(g.GroupId ?? ''));
  const label = groupsLabel(view.securityGroups, lbGroupIds);
  if (lb.Type !== 'network' || lbGroupIds.length) {
    if (!admitsIngress(lbGroups, request.port, fromInternet.sender))
      return dropped(
        hops,
        hop(
          'security-group',
          lbGroupIds.join(','),
          false,
          `The ALB SG (${label}) does not admit port ${request.port} from the internet.`,
          `ALB SG(${label})가 인터넷에서 오는 ${request.port}번 포트를 허용하지 않습니다.`,
        ),
      );
    hops.push(
      hop(
        'security-group',
        lbGroupIds.join(','),
        true,
        `The ALB SG (${label}) admits port ${request.port} from the internet.`,
        `ALB SG(${label})가 인터넷에서 오는 ${request.port}번 포트를 허용합니다.`,
      ),
    );
  }
  const listener = view.listeners.find((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === request.port);
  if (!listener)
    return dropped(
      hops,
      hop(
        'listener',
        name,
        false,
        `${name} has no listener on port ${request.port}.`,
        `${name}에 ${request.port}번 포트 리스너가 없습니다.`,
      ),
      'ECONNREFUSED',
    );
  const listenerId = listener.ListenerArn ?? name;
  if ((listener.Protocol === 'HTTPS') !== (request.scheme === 'https'))
    return answered(
      hops,
      hop(
        'listener',
        listenerId,
        false,
        `The listener on port ${request.port} speaks ${listener.Protocol}, the request ${request.scheme.toUpperCase()}.`,
        `${request.port}번 포트 리스너는 ${listener.Protocol}인데 요청은 ${request.scheme.toUpperCase()}입니다.`,
      ),
      elbError(400),
    );
  hops.push(
    hop(
      'listener',
      listenerId,
      true,
      `The ${listener.Protocol} listener on port ${request.port} takes the request.`,
      `${request.port}번 포트의 ${listener.Protocol} 리스너가 요청을 받습니다.`,
    ),
  );
  const action = actionFor(view, listenerId, listener.DefaultActions ?? [], request);
  return afterListener(view, lb, action, request, hops, memory, impairments);
}

function afterListener(
  view: RegionView,
  lb: LoadBalancer,
  action: Action | undefined,
  request: Request,
  hops: Hop[],
  memory: Memory,
  impairments: Impairments,
): Outcome {
  const name = lb.LoadBalancerName ?? '';
  if (action?.Type === 'fixed-response') {
    const status = Number(action.FixedResponseConfig?.StatusCode ?? 200);
    const body = action.FixedResponseConfig?.MessageBody ?? '';
    return answered(
      hops,
      hop(
        'listener',
        name,
        status < 500,
        `The listener answers itself with a fixed ${status}.`,
        `리스너가 고정 응답 ${status}로 직접 응답합니다.`,
      ),
      {
        status,
        headers: { server: 'awselb/2.0', 'content-type': action.FixedResponseConfig?.ContentType ?? 'text/plain' },
        body,
      },
    );
  }
  if (action?.Type === 'redirect') {
    const r: Partial<RedirectActionConfig> = action.RedirectConfig ?? {};
    const protocol = (r.Protocol && r.Protocol !== '#{protocol}' ? r.Protocol : request.scheme).toLowerCase();
    const location = `${protocol}://${r.Host && r.Host !== '#{host}' ? r.Host : request.host}${r.Path && r.Path !== '/#{path}' ? r.Path : request.path.split('?')[0]}`;
    const status = r.StatusCode === 'HTTP_302' ? 302 : 301;
    return answered(
      hops,
      hop(
        'listener',
        name,
        true,
        `The listener redirects to ${location}.`,
        `리스너가 ${location}(으)로 리디렉션합니다.`,
      ),
      { status, headers: { server: 'awselb/2.0', location }, body: '' },
    );
  }
  const arn =
    action?.TargetGroupArn ?? action?.ForwardConfig?.TargetGroups?.find((t) => (t.Weight ?? 1) > 0)?.TargetGroupArn;
  const tg = view.targetGroups.find((g) => g.TargetGroupArn === arn);
  if (!tg)
    return answered(
      hops,
      hop(
        'target-group',
        arn ?? name,
        false,
        `The listener of ${name} forwards to no target group.`,
        `${name}의 리스너가 어떤 대상 그룹으로도 전달하지 않습니다.`,
      ),
      elbError(503),
    );
  const tgName = tg.TargetGroupName ?? arn ?? '';
  const health = targetHealth(view, lb, tg, impairments);
  const healthy = health.filter((h) => h.state === 'healthy');
  const inUse = health.filter((h) => h.state !== 'unused');
  if (!inUse.length) {
    const why = health.length ? ` (${health.map((h) => h.hop.says.en).join(' ')})` : ': no target is registered';
    const whyKo = health.length ? ` (${health.map((h) => h.hop.says.ko).join(' ')})` : '. 등록된 대상이 없습니다';
    return answered(
      hops,
      hop(
        'target-group',
        tgName,
        false,
        `No healthy targets in target group ${tgName}${why}.`,
        `대상 그룹 ${tgName}에 정상(healthy) 대상이 없습니다${whyKo}.`,
      ),
      elbError(503),
    );
  }
  // Fail open: with every target unhealthy, the ALB sends requests to all of them (ELB User Guide › Health checks).
  const pool = healthy.length ? healthy : inUse;
  const chosen = pool[memory.turn(`targets:${tg.TargetGroupArn}`, pool.length)]!;
  const trail = [
    ...hops,
    hop(
      'target-group',
      tgName,
      healthy.length > 0,
      healthy.length
        ? `${tgName} routes to ${chosen.instance.InstanceId} (${healthy.length} healthy of ${health.length}).`
        : `No healthy targets in target group ${tgName}: the ALB fails open and tries ${chosen.instance.InstanceId} anyway. ${chosen.hop.says.en}`,
      healthy.length
        ? `${tgName}이(가) ${chosen.instance.InstanceId}로 보냅니다 (정상 ${healthy.length}/${health.length}).`
        : `대상 그룹 ${tgName}에 정상 대상이 없어 ALB가 페일 오픈으로 ${chosen.instance.InstanceId}에 보내 봅니다. ${chosen.hop.says.ko}`,
    ),
  ];
  const path = toInstance(view, chosen.instance, chosen.port, albOrigin(view, lb), impairments);
  if (path.stop) {
    const refused = path.stop.kind === 'dropped' && path.stop.code === 'ECONNREFUSED';
    return answered([...trail, ...path.stop.hops.slice(0, -1)], path.stop.by, elbError(refused ? 502 : 504));
  }
  const served = appAnswers(view, chosen.instance, request, [...trail, ...path.hops], memory, impairments);
  const notes = health.filter((h) => h.state !== 'healthy').map((h) => h.hop);
  return notes.length && served.kind === 'answered' ? { ...served, notes } : served;
}
