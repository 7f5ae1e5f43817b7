import type { SecurityGroup } from '@aws-sdk/client-ec2';
import type { LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { DBInstance } from '@aws-sdk/client-rds';
import type { Inventory } from './inventory';
import { admitsOnlyFrom, type IngressSource, ingressSources } from './security-groups';

/** One link of a security chain: the groups of a tier, the port they open, and who may come in. */
export interface ChainLink {
  /** The tier the link guards (`web`, `db`) and the tier it should trust (`alb`, `web`). */
  tier: string;
  from: string;
  port: number;
  /** The security groups of the guarded tier. */
  groupIds: string[];
  /** The security groups of the trusted tier. */
  allowed: string[];
  /** Every source the guarded tier admits on the port, across all its groups. */
  sources: IngressSource[];
  /** Only the trusted tier's groups, at least one of them, and no CIDR or other group. */
  ok: boolean;
}

/** Judge one link: do `groups`, taken together, admit `port` only from the `allowed` groups? */
export function chainLink(
  tier: string,
  from: string,
  port: number,
  groups: SecurityGroup[],
  allowed: string[],
): ChainLink {
  const union: SecurityGroup = { IpPermissions: groups.flatMap((g) => g.IpPermissions ?? []) };
  return {
    tier,
    from,
    port,
    groupIds: groups.flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    allowed,
    sources: ingressSources(union, port),
    ok: admitsOnlyFrom(union, port, allowed),
  };
}

/** The three-tier chain ALB → web → DB, or the tier that is not there yet. */
export type SecurityChain =
  | { complete: true; alb: LoadBalancer; db: DBInstance; links: [ChainLink, ChainLink] }
  | { complete: false; missing: 'alb' | 'web' | 'db' };

const ids = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))];

/**
 * Trace the security chain of the lab: the internet-facing ALB's groups, the web tier's groups (the instances
 * registered behind the ALB, else the instances tagged `scalelab:role=web`), and the primary database's groups.
 * The web link uses the target group's port; the DB link uses the database's port.
 */
export async function traceSecurityChain(inv: Inventory): Promise<SecurityChain> {
  const [alb, db, tagged] = await Promise.all([inv.labAlb(), inv.primaryDatabase(), inv.webInstances()]);
  if (!alb) return { complete: false, missing: 'alb' };
  if (!db) return { complete: false, missing: 'db' };
  const served = await inv.albTargets(alb);
  const behind = served.flatMap((s) => s.targets.flatMap((t) => (t.instance ? [t.instance] : [])));
  const web = behind.length > 0 ? behind : tagged;
  const webGroupIds = ids(web.flatMap((i) => (i.SecurityGroups ?? []).map((g) => g.GroupId)));
  if (webGroupIds.length === 0) return { complete: false, missing: 'web' };
  const albGroupIds = ids(alb.SecurityGroups ?? []);
  const dbGroupIds = ids((db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId));
  const groups = async (wanted: string[]) =>
    (await Promise.all(wanted.map((id) => inv.securityGroup(id)))).filter((g) => g !== undefined);
  const [webGroups, dbGroups] = await Promise.all([groups(webGroupIds), groups(dbGroupIds)]);
  const appPort = served[0]?.targetGroup.Port ?? 80;
  const dbPort = db.Endpoint?.Port ?? db.DbInstancePort ?? 3306;
  return {
    complete: true,
    alb,
    db,
    links: [
      chainLink('web', 'alb', appPort, webGroups, albGroupIds),
      chainLink('db', 'web', dbPort, dbGroups, webGroupIds),
    ],
  };
}
