import type { Instance, SecurityGroup } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Inventory } from './inventory';
import { isInternetFacingAlb } from './load-balancing';
import { type ChainLink, chainLink } from './security-chain';
import { admitsOnlyFrom, type IngressSource, ingressSources } from './security-groups';

/**
 * Stage 05's five security groups (seed 004: "Security Group은 ELB, EC2, WEB, APP, RDS 용으로 5개"):
 * ALB SG → web SG → internal-ALB SG → app SG → DB SG. The first group faces the internet; each of the four links
 * after it must admit its port only from the group before it, with no CIDR source.
 */
export type FiveTierChain =
  | { complete: true; alb: LoadBalancer; internalAlb: LoadBalancer; links: ChainLink[] }
  | { complete: false; missing: FiveTier };

export type FiveTier = 'alb' | 'web' | 'internal-alb' | 'app' | 'db';

/** An application load balancer whose scheme is `internal` (reachable only inside the VPC). */
export const isInternalAlb = (lb: LoadBalancer): boolean => lb.Type === 'application' && lb.Scheme === 'internal';

const ids = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];
const groupIdsOf = (instances: Instance[]) =>
  ids(instances.flatMap((i) => (i.SecurityGroups ?? []).map((g) => g.GroupId)));

/**
 * The internal ALB's link: it serves only the web tier, so every rule of its groups, on any port (its listeners'),
 * must come from the web tier's groups.
 */
export function wholeGroupLink(tier: string, from: string, groups: SecurityGroup[], allowed: string[]): ChainLink {
  const union: SecurityGroup = { IpPermissions: groups.flatMap((g) => g.IpPermissions ?? []) };
  const sources: IngressSource[] = ingressSources(union);
  const ports = [...new Set(sources.map((s) => s.fromPort))].sort((a, b) => a - b);
  const ok = sources.length > 0 && ports.every((p) => admitsOnlyFrom(union, p, allowed));
  return {
    tier,
    from,
    port: ports[0] ?? 0,
    groupIds: ids(groups.map((g) => g.GroupId)),
    allowed,
    sources,
    ok,
  };
}

/**
 * Trace the chain end to end. Each tier's instances are the ones registered behind the load balancer in front of it
 * (else the instances tagged `scalelab:role=web|app`); the database is the lab's primary (an Aurora writer counts).
 */
export async function traceFiveTierChain(inv: Inventory): Promise<FiveTierChain> {
  const [lbs, instances, db] = await Promise.all([inv.loadBalancers(), inv.instances(), inv.primaryDatabase()]);
  const alb = await inv.labAlb();
  if (!alb || !isInternetFacingAlb(alb)) return { complete: false, missing: 'alb' };
  const internal = lbs.filter(isInternalAlb);
  const [front, ...more] = await Promise.all([alb, ...internal].map((lb) => inv.albTargets(lb)));
  const behind = (served: typeof front) =>
    (served ?? []).flatMap((s) => s.targets.flatMap((t) => (t.instance ? [t.instance] : [])));
  const tagged = (role: string) =>
    instances.filter((i) => i.Tags?.some((t) => t.Key === 'scalelab:role' && t.Value === role));
  const web = behind(front).length ? behind(front) : tagged('web');
  if (!groupIdsOf(web).length) return { complete: false, missing: 'web' };
  // The internal ALB the chain runs through: the one with app targets (or the first internal ALB).
  const index = Math.max(
    0,
    more.findIndex((served) => behind(served).length > 0),
  );
  const internalAlb = internal[index];
  if (!internalAlb) return { complete: false, missing: 'internal-alb' };
  const app = behind(more[index]).length ? behind(more[index]) : tagged('app');
  if (!groupIdsOf(app).length) return { complete: false, missing: 'app' };
  if (!db) return { complete: false, missing: 'db' };

  const albIds = ids(alb.SecurityGroups ?? []);
  const webIds = groupIdsOf(web);
  const internalIds = ids(internalAlb.SecurityGroups ?? []);
  const appIds = groupIdsOf(app);
  const dbIds = ids((db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId));
  const groups = async (wanted: string[]) =>
    (await Promise.all(wanted.map((id) => inv.securityGroup(id)))).filter((g) => g !== undefined);
  const [webGroups, internalGroups, appGroups, dbGroups] = await Promise.all(
    [webIds, internalIds, appIds, dbIds].map(groups),
  );
  const webPort = front?.[0]?.targetGroup.Port ?? 80;
  const appPort = more[index]?.[0]?.targetGroup.Port ?? 80;
  const dbPort = db.Endpoint?.Port ?? db.DbInstancePort ?? 3306;
  return {
    complete: true,
    alb,
    internalAlb,
    links: [
      chainLink('web', 'alb', webPort, webGroups ?? [], albIds),
      wholeGroupLink('internal-alb', 'web', internalGroups ?? [], webIds),
      chainLink('app', 'internal-alb', appPort, appGroups ?? [], internalIds),
      chainLink('db', 'app', dbPort, dbGroups ?? [], appIds),
    ],
  };
}
