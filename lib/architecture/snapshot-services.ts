import type { DBInstance } from '@aws-sdk/client-rds';
import type { Inventory } from '@/lib/inventory';
import { bucketOfOrigin, originsOf } from '@/lib/inventory/cloudfront';
import { queueFromArn } from '@/lib/inventory/queues';
import type { ArchEdge, ArchNode } from './model';

/** What each reader adds to the snapshot. */
export interface Part {
  nodes: ArchNode[];
  edges: ArchEdge[];
}

const defined = <T>(xs: (T | undefined | null | '')[]): T[] => xs.filter((x): x is T => !!x);

/** The subnets of a DB instance's subnet group that lie in one AZ (where it is drawn). */
function dbSubnetsIn(db: DBInstance, az: string | undefined): string[] {
  return defined(
    (db.DBSubnetGroup?.Subnets ?? [])
      .filter((s) => s.SubnetAvailabilityZone?.Name === az)
      .map((s) => s.SubnetIdentifier),
  );
}

/** The identifier a replica's source names: an identifier in the same region, an ARN (`…:db:<id>`) across regions. */
const sourceId = (source: string): string => source.split(':db:').pop() ?? source;

/**
 * RDS: each DB instance where it runs; a Multi-AZ primary's standby in its secondary AZ (RDS reports it as
 * `SecondaryAvailabilityZone`: "Multi-AZ DB instance deployments", RDS User Guide), read replicas from their source.
 */
export async function databasePart(inv: Inventory): Promise<Part> {
  const dbs = await inv.dbInstances();
  const ids = new Set(dbs.map((db) => db.DBInstanceIdentifier));
  const nodes: ArchNode[] = [];
  const edges: ArchEdge[] = [];
  for (const db of dbs) {
    const id = db.DBInstanceIdentifier;
    if (!id) continue;
    const source = db.ReadReplicaSourceDBInstanceIdentifier;
    const role = source ? 'replica' : db.DBClusterIdentifier ? 'cluster-member' : 'primary';
    nodes.push({
      id,
      kind: 'database',
      name: [db.Engine, db.EngineVersion].filter(Boolean).join(' ') || undefined,
      azs: defined([db.AvailabilityZone]),
      subnetIds: dbSubnetsIn(db, db.AvailabilityZone),
      role,
      state: db.DBInstanceStatus,
      refs: defined([
        db.DBInstanceArn,
        db.Endpoint?.Address,
        db.DBClusterIdentifier,
        ...(db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId),
      ]),
      facts: {
        ...(db.DBInstanceClass ? { DBInstanceClass: db.DBInstanceClass } : {}),
        MultiAZ: db.MultiAZ ?? false,
        StorageEncrypted: db.StorageEncrypted ?? false,
        PubliclyAccessible: db.PubliclyAccessible ?? false,
      },
    });
    if (db.MultiAZ && db.SecondaryAvailabilityZone) {
      const standby = `${id}/standby`;
      nodes.push({
        id: standby,
        kind: 'database',
        azs: [db.SecondaryAvailabilityZone],
        subnetIds: dbSubnetsIn(db, db.SecondaryAvailabilityZone),
        role: 'standby',
        parent: id,
      });
      edges.push({ from: id, to: standby, kind: 'sync' });
    }
    if (source && ids.has(sourceId(source))) edges.push({ from: sourceId(source), to: id, kind: 'async' });
  }
  return { nodes, edges };
}

/** ElastiCache: each node of each lab replication group, in its AZ, with its role (primary / replica). */
export async function cachePart(inv: Inventory): Promise<Part> {
  const nodes: ArchNode[] = [];
  for (const cache of await inv.caches()) {
    const group = cache.group;
    const groupId = group.ReplicationGroupId ?? '?';
    const facts = {
      ...(group.CacheNodeType ? { CacheNodeType: group.CacheNodeType } : {}),
      AutomaticFailover: group.AutomaticFailover ?? 'disabled',
      MultiAZ: group.MultiAZ ?? 'disabled',
    };
    const refs = [groupId, ...cache.securityGroupIds];
    const members = (group.NodeGroups ?? []).flatMap((n) => n.NodeGroupMembers ?? []);
    const placed = members.length
      ? members.map((m) => ({ id: m.CacheClusterId ?? `${groupId}/${m.PreferredAvailabilityZone}`, m }))
      : cache.zones.map((az) => ({
          id: `${groupId}/${az}`,
          m: { PreferredAvailabilityZone: az, CurrentRole: undefined },
        }));
    for (const { id, m } of placed) {
      nodes.push({
        id,
        kind: 'cache-node',
        name: groupId,
        azs: defined([m.PreferredAvailabilityZone]),
        role: m.CurrentRole,
        state: group.Status,
        parent: groupId,
        refs,
        facts,
      });
    }
  }
  return { nodes, edges: [] };
}

/**
 * Outside the VPC: the static bucket, the lab's CloudFront distributions and the buckets / load balancers they use
 * as origins, the lab's queues (with their dead-letter queues) and session tables.
 */
export async function storagePart(inv: Inventory, loadBalancers: ArchNode[]): Promise<Part> {
  const [bucket, distributions] = await Promise.all([inv.staticBucket(), inv.labDistributions()]);
  const nodes: ArchNode[] = [];
  const edges: ArchEdge[] = [];
  const buckets = new Set<string>(bucket ? [bucket] : []);
  for (const d of distributions) {
    const id = d.Id;
    if (!id) continue;
    nodes.push({
      id,
      kind: 'distribution',
      name: d.DomainName,
      state: d.Status,
      refs: defined([d.ARN, d.DomainName, ...(d.Aliases?.Items ?? [])]),
      facts: { Enabled: d.Enabled ?? false },
    });
    for (const origin of originsOf(d)) {
      const originBucket = bucketOfOrigin(origin.DomainName);
      if (originBucket) {
        buckets.add(originBucket);
        edges.push({
          from: id,
          to: originBucket,
          kind: 'origin',
          ...(origin.OriginAccessControlId ? { state: 'oac' } : {}),
        });
        continue;
      }
      const lb = loadBalancers.find((n) => n.refs?.includes(origin.DomainName ?? ''));
      if (lb) edges.push({ from: id, to: lb.id, kind: 'origin' });
    }
  }
  for (const name of buckets) {
    nodes.push({
      id: name,
      kind: 'bucket',
      role: name === bucket ? 'static' : undefined,
      refs: [`arn:aws:s3:::${name}`],
    });
  }
  return { nodes, edges };
}

/** The lab's queues, and the dead-letter queue each one's redrive policy names (drawn even when it is not a lab queue). */
export async function queuePart(inv: Inventory): Promise<Part> {
  const queues = await inv.decoupled.labQueues();
  const nodes = queues.map(
    (q): ArchNode => ({
      id: q.name,
      kind: 'queue',
      refs: defined([q.url, q.arn]),
      facts: q.attributes.VisibilityTimeout ? { VisibilityTimeout: Number(q.attributes.VisibilityTimeout) } : {},
    }),
  );
  const edges: ArchEdge[] = [];
  for (const q of queues) {
    const arn = q.redrive?.deadLetterTargetArn;
    const dlq = arn ? queueFromArn(arn)?.name : undefined;
    if (!arn || !dlq) continue;
    if (!nodes.some((n) => n.id === dlq)) {
      const exists = await inv.decoupled.queueExists(arn);
      nodes.push({ id: dlq, kind: 'queue', role: 'dead-letter', state: exists ? 'exists' : 'missing', refs: [arn] });
    } else {
      const known = nodes.find((n) => n.id === dlq);
      if (known) known.role = 'dead-letter';
    }
    edges.push({ from: q.name, to: dlq, kind: 'dead-letter' });
  }
  return { nodes, edges };
}

export async function tablePart(inv: Inventory): Promise<Part> {
  const tables = await inv.sessionTables();
  return {
    nodes: tables.map(
      (t): ArchNode => ({
        id: t.name,
        kind: 'table',
        role: 'sessions',
        state: t.ttl ? 'exists' : 'missing',
        facts: t.ttl?.TimeToLiveStatus ? { TimeToLive: t.ttl.TimeToLiveStatus } : {},
      }),
    ),
    edges: [],
  };
}
