import type { NetworkAcl, NetworkAclEntry, Route, RouteTable } from '@aws-sdk/client-ec2';
import { contains, parseCidr } from '../cidr';
import { type Hop, hop } from './trace';
import type { RegionView } from './view';

/** An address on the internet the platform's requests come from (TEST-NET-2, RFC 5737): "anyone". */
export const INTERNET_CLIENT = '198.51.100.25';
/** The client port a reply goes back to (the start of the IANA ephemeral range). */
const EPHEMERAL_PORT = 49152;

const inside = (cidr: string | undefined, ip: string) => {
  const outer = cidr ? parseCidr(cidr) : undefined;
  const inner = parseCidr(`${ip}/32`);
  return Boolean(outer && inner && contains(outer, inner));
};

/** The route table a subnet uses: its explicit association, else its VPC's main route table. */
export function routeTableOf(view: RegionView, subnetId: string, vpcId: string): RouteTable | undefined {
  return (
    view.routeTables.find((t) => t.Associations?.some((a) => a.SubnetId === subnetId)) ??
    view.routeTables.find((t) => t.VpcId === vpcId && t.Associations?.some((a) => a.Main))
  );
}

/** The route the table picks for an address: the most specific destination that contains it (longest prefix). */
function routeFor(table: RouteTable, ip: string): Route | undefined {
  const bits = (r: Route) => Number(r.DestinationCidrBlock?.split('/')[1] ?? -1);
  return (table.Routes ?? []).filter((r) => inside(r.DestinationCidrBlock, ip)).sort((a, b) => bits(b) - bits(a))[0];
}

const target = (r: Route) =>
  r.GatewayId ?? r.NatGatewayId ?? r.TransitGatewayId ?? r.VpcPeeringConnectionId ?? r.NetworkInterfaceId ?? 'local';

/** Does an ACL's ordered rule list allow TCP `port` with `ip` on the far side? Rules are read lowest number first. */
function aclAllows(entries: NetworkAclEntry[], egress: boolean, port: number, ip: string): NetworkAclEntry | undefined {
  const ordered = entries
    .filter((e) => Boolean(e.Egress) === egress)
    .sort((a, b) => (a.RuleNumber ?? 0) - (b.RuleNumber ?? 0));
  return ordered.find((e) => {
    const protocol = e.Protocol === '-1' || e.Protocol === '6';
    const ports = e.Protocol === '-1' || ((e.PortRange?.From ?? 0) <= port && port <= (e.PortRange?.To ?? 65535));
    return protocol && ports && inside(e.CidrBlock, ip);
  });
}

/**
 * The subnet's network ACL, both ways: stateless, so the request in on `port` and the reply out to the client's
 * ephemeral port must each be allowed (Amazon VPC User Guide › Control subnet traffic with network access control
 * lists). A VPC's default ACL allows everything; where ACLs are not modelled, that is what every subnet has.
 */
export function networkAclHop(view: RegionView, subnetId: string, vpcId: string, port: number, fromIp: string): Hop {
  const acl: NetworkAcl | undefined =
    view.networkAcls.find((a) => a.Associations?.some((x) => x.SubnetId === subnetId)) ??
    view.networkAcls.find((a) => a.VpcId === vpcId && a.IsDefault);
  if (!acl)
    return hop(
      'network-acl',
      subnetId,
      true,
      `${subnetId} has its VPC's default network ACL: all traffic allowed.`,
      `${subnetId}에는 VPC의 기본 네트워크 ACL이 있어 모든 트래픽이 허용됩니다.`,
    );
  const id = acl.NetworkAclId ?? subnetId;
  const inbound = aclAllows(acl.Entries ?? [], false, port, fromIp);
  if (inbound?.RuleAction !== 'allow')
    return hop(
      'network-acl',
      id,
      false,
      `The network ACL ${id} of ${subnetId} denies TCP port ${port} in from ${fromIp}.`,
      `${subnetId}의 네트워크 ACL ${id}이(가) ${fromIp}에서 들어오는 TCP ${port}번 포트를 거부합니다.`,
    );
  const outbound = aclAllows(acl.Entries ?? [], true, EPHEMERAL_PORT, fromIp);
  if (outbound?.RuleAction !== 'allow')
    return hop(
      'network-acl',
      id,
      false,
      `The network ACL ${id} of ${subnetId} denies the replies out to ${fromIp} (ephemeral ports): network ACLs are stateless.`,
      `${subnetId}의 네트워크 ACL ${id}이(가) ${fromIp}로 나가는 응답(임시 포트)을 거부합니다. 네트워크 ACL은 상태를 저장하지 않습니다.`,
    );
  return hop(
    'network-acl',
    id,
    true,
    `The network ACL ${id} allows TCP ${port} in and the replies out.`,
    `네트워크 ACL ${id}이(가) TCP ${port} 요청과 응답을 허용합니다.`,
  );
}

/**
 * The hops between the internet and a subnet: an internet gateway attached to its VPC, the subnet's route table
 * sending the client's address to that gateway (else the reply never leaves), and the network ACL. Stops at the
 * first hop that drops the request.
 */
export function internetToSubnet(view: RegionView, subnetId: string, port: number, client = INTERNET_CLIENT): Hop[] {
  const subnet = view.subnets.find((s) => s.SubnetId === subnetId);
  const vpcId = subnet?.VpcId ?? '';
  const igw = view.internetGateways.find((g) =>
    g.Attachments?.some((a) => a.VpcId === vpcId && ((a.State as string) === 'available' || a.State === 'attached')),
  );
  if (!igw)
    return [
      hop(
        'internet-gateway',
        vpcId,
        false,
        `${vpcId} has no internet gateway attached: nothing from the internet can enter it.`,
        `${vpcId}에 연결된 인터넷 게이트웨이가 없어 인터넷에서 아무것도 들어올 수 없습니다.`,
      ),
    ];
  const igwId = igw.InternetGatewayId ?? '';
  const hops = [
    hop(
      'internet-gateway',
      igwId,
      true,
      `${igwId} is attached to ${vpcId}.`,
      `${igwId}이(가) ${vpcId}에 연결되어 있습니다.`,
    ),
  ];
  const table = routeTableOf(view, subnetId, vpcId);
  const tableId = table?.RouteTableId ?? 'none';
  const route = table ? routeFor(table, client) : undefined;
  if (!route || route.State === 'blackhole' || route.GatewayId !== igwId) {
    const where = route
      ? `to ${target(route)}${route.State === 'blackhole' ? ' (a blackhole)' : ''}, not to ${igwId}`
      : 'nowhere: no internet gateway route';
    const whereKo = route
      ? `${igwId}가 아닌 ${target(route)}(으)로 보냅니다`
      : '어디로도 보내지 않습니다. 인터넷 게이트웨이 경로가 없습니다';
    return [
      ...hops,
      hop(
        'route-table',
        tableId,
        false,
        `${subnetId} routes 0.0.0.0/0 ${where} (route table ${tableId}), so the replies never reach the internet.`,
        `${subnetId}는 0.0.0.0/0을 ${whereKo} (라우팅 테이블 ${tableId}). 그래서 응답이 인터넷으로 돌아가지 못합니다.`,
      ),
    ];
  }
  hops.push(
    hop(
      'route-table',
      tableId,
      true,
      `${subnetId} routes 0.0.0.0/0 to ${igwId} (route table ${tableId}).`,
      `${subnetId}는 0.0.0.0/0을 ${igwId}로 보냅니다 (라우팅 테이블 ${tableId}).`,
    ),
  );
  hops.push(networkAclHop(view, subnetId, vpcId, port, client));
  return hops;
}

/** The first hop of a list that dropped the request, if one did. */
export const blocked = (hops: Hop[]) => hops.find((h) => !h.ok);
