import type { IpPermission, SecurityGroup } from '@aws-sdk/client-ec2';
import { coversPort, ingressSources } from '@/lib/inventory/security-groups';
import { contains, parseCidr } from '../cidr';

/**
 * Who sends the packet, as a security group rule sees it: an address (or every address of a range, for a load
 * balancer whose nodes may be anywhere in their subnets), and the groups on its network interface.
 */
export interface Sender {
  /** Each of these ranges must be admitted (a single address is a /32). */
  cidrs: string[];
  groupIds: string[];
}

const asCidr = (text: string) => parseCidr(text.includes('/') ? text : `${text}/32`);

function admitsRange(ruleCidr: string, senderCidr: string): boolean {
  const outer = parseCidr(ruleCidr);
  const inner = asCidr(senderCidr);
  return Boolean(outer && inner && contains(outer, inner));
}

/**
 * Does one of these groups admit TCP `port` from the sender? A security group is an allow list over the union of its
 * rules and of every group on the interface (Amazon VPC User Guide › Security group rules): a reference to a group
 * admits traffic from any interface that group is on; a CIDR rule admits the addresses inside it.
 */
export function admitsIngress(groups: SecurityGroup[], port: number, from: Sender): boolean {
  const sources = groups.flatMap((g) => ingressSources(g, port));
  if (sources.some((s) => s.kind === 'group' && from.groupIds.includes(s.groupId))) return true;
  return (
    from.cidrs.length > 0 && from.cidrs.every((c) => sources.some((s) => s.kind === 'cidr' && admitsRange(s.cidr, c)))
  );
}

/** Where a packet goes, for outbound rules: the destination's address and the groups on its interface. */
export interface Receiver {
  ip: string;
  groupIds: string[];
}

function egressAdmits(rule: IpPermission, port: number, to: Receiver): boolean {
  if (!coversPort(rule, port)) return false;
  if ((rule.UserIdGroupPairs ?? []).some((p) => p.GroupId && to.groupIds.includes(p.GroupId))) return true;
  return (rule.IpRanges ?? []).some((r) => r.CidrIp && admitsRange(r.CidrIp, to.ip));
}

/** Do the sender's groups let it open TCP `port` to the receiver (outbound rules; a new group allows all out)? */
export function admitsEgress(groups: SecurityGroup[], port: number, to: Receiver): boolean {
  return groups.some((g) => (g.IpPermissionsEgress ?? []).some((rule) => egressAdmits(rule, port, to)));
}

/** `web-sg (sg-0abc)`: the group as a learner recognises it (its Name tag, else its group name), with its id. */
export function groupLabel(group: SecurityGroup | undefined, id: string): string {
  const name = group?.Tags?.find((t) => t.Key === 'Name')?.Value ?? group?.GroupName;
  return name && name !== id ? `${name} (${id})` : id;
}

/** The labels of a set of groups, joined for a sentence. */
export function groupsLabel(all: SecurityGroup[], ids: string[]): string {
  return ids
    .map((id) =>
      groupLabel(
        all.find((g) => g.GroupId === id),
        id,
      ),
    )
    .join(', ');
}
