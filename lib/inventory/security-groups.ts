import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';

/** Where traffic into a security group on a port may come from. */
export type IngressSource =
  | { kind: 'cidr'; cidr: string; fromPort: number; toPort: number }
  | { kind: 'group'; groupId: string; fromPort: number; toPort: number }
  | { kind: 'prefix-list'; prefixListId: string; fromPort: number; toPort: number };

export const WORLD = ['0.0.0.0/0', '::/0'];

/** Does this rule cover `port`? Protocol -1 (all traffic) covers every port. */
export function coversPort(rule: IpPermission, port: number): boolean {
  if (rule.IpProtocol === '-1') return true;
  if (rule.IpProtocol !== 'tcp' && rule.IpProtocol !== '6') return false;
  const from = rule.FromPort ?? 0;
  const to = rule.ToPort ?? 65535;
  return from <= port && port <= to;
}

function range(rule: IpPermission) {
  return rule.IpProtocol === '-1'
    ? { fromPort: 0, toPort: 65535 }
    : { fromPort: rule.FromPort ?? 0, toPort: rule.ToPort ?? 65535 };
}

/** Every source admitted by a group on a port (all of them when `port` is omitted). */
export function ingressSources(group: SecurityGroup, port?: number): IngressSource[] {
  const out: IngressSource[] = [];
  for (const rule of group.IpPermissions ?? []) {
    if (port !== undefined && !coversPort(rule, port)) continue;
    const r = range(rule);
    for (const ip of rule.IpRanges ?? []) if (ip.CidrIp) out.push({ kind: 'cidr', cidr: ip.CidrIp, ...r });
    for (const ip of rule.Ipv6Ranges ?? []) if (ip.CidrIpv6) out.push({ kind: 'cidr', cidr: ip.CidrIpv6, ...r });
    for (const g of rule.UserIdGroupPairs ?? []) if (g.GroupId) out.push({ kind: 'group', groupId: g.GroupId, ...r });
    for (const p of rule.PrefixListIds ?? [])
      if (p.PrefixListId) out.push({ kind: 'prefix-list', prefixListId: p.PrefixListId, ...r });
  }
  return out;
}

/** True when anyone on the internet may reach the group on `port`. */
export function openToWorld(group: SecurityGroup, port: number): boolean {
  return ingressSources(group, port).some((s) => s.kind === 'cidr' && WORLD.includes(s.cidr));
}

/** "sg-1 admits 3306 from sg-2, 10.0.0.0/16": the evidence sentence for a group's sources on a port. */
export function describeSources(sources: IngressSource[]): string {
  if (sources.length === 0) return 'nothing';
  return sources.map((s) => (s.kind === 'cidr' ? s.cidr : s.kind === 'group' ? s.groupId : s.prefixListId)).join(', ');
}

/**
 * Does `group` admit `port` only from the groups in `allowed` — at least one of them, no CIDR, no other group?
 * The building block of every "security chain" check.
 */
export function admitsOnlyFrom(group: SecurityGroup, port: number, allowed: string[]): boolean {
  const sources = ingressSources(group, port);
  return (
    sources.length > 0 &&
    sources.every((s) => s.kind === 'group' && allowed.includes(s.groupId)) &&
    sources.some((s) => s.kind === 'group' && allowed.includes(s.groupId))
  );
}
