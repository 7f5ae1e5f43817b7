import type { Localized } from '@/lib/i18n/locales';

/**
 * The live diagram's model: what a check run found deployed, reduced to ids, names, Availability Zones, roles and
 * relations. Plain JSON (stored with the run), never an AWS SDK object, never a secret.
 */

export const SNAPSHOT_VERSION = 1;

/** The kinds of element the diagram draws. */
export type NodeKind =
  | 'instance'
  | 'elastic-ip'
  | 'auto-scaling-group'
  | 'load-balancer'
  | 'target-group'
  | 'database'
  | 'cache-node'
  | 'bucket'
  | 'distribution'
  | 'queue'
  | 'table';

export type Fact = string | number | boolean;

export interface ArchNode {
  /** The AWS id a check's evidence names it by (instance id, DB identifier, LB name, bucket name, ...). */
  id: string;
  kind: NodeKind;
  /** A human name (the Name tag, a DB engine, a target group name), when there is one besides the id. */
  name?: string;
  /** Where it runs: one AZ (instances, DB instances, cache nodes) or several (load balancers, groups). */
  azs?: string[];
  /** The subnets it sits in (instances: one; load balancers and groups: several). */
  subnetIds?: string[];
  /**
   * What it is in the architecture: web / app / worker (instances, groups), primary / standby / replica / cluster
   * member (databases), primary / replica (cache nodes), internet-facing / internal (load balancers).
   */
  role?: string;
  /** Its state as AWS reports it (running, stopped, available, healthy, ...). */
  state?: string;
  /** Other ids that name or belong to it: ARNs, DNS names, public IPs, allocation ids, its security groups. */
  refs?: string[];
  /** The parent a node is drawn inside or next to: an instance's group, a cache node's replication group. */
  parent?: string;
  /** A few properties worth showing (InstanceType, Engine, MultiAZ, healthy targets, ...). */
  facts?: Record<string, Fact>;
}

export type EdgeKind =
  | 'serves' // load balancer → target group
  | 'target' // target group → registered target
  | 'sync' // primary DB → its Multi-AZ standby
  | 'async' // primary DB → read replica
  | 'eip' // Elastic IP → instance
  | 'origin' // distribution → bucket or load balancer
  | 'dead-letter'; // queue → its dead-letter queue

export interface ArchEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** For `target`: the target's health (healthy, unhealthy, initial, draining, unused). */
  state?: string;
}

export interface ArchSubnet {
  id: string;
  az: string;
  cidr?: string;
  name?: string;
  /** Its route table sends 0.0.0.0/0 (or ::/0) to an internet gateway. */
  public: boolean;
}

export interface ArchitectureSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** When the Inventory was read (ISO 8601). */
  takenAt: string;
  region: string;
  vpc: { id: string; cidr?: string } | null;
  internetGateway: string | null;
  /** The AZs the lab VPC has subnets in, sorted. */
  azs: string[];
  subnets: ArchSubnet[];
  nodes: ArchNode[];
  edges: ArchEdge[];
  /** Parts of the account the snapshot could not read, with the reason (AccessDenied names the permission). */
  unread: { part: string; reason: Localized }[];
  /** Kinds with more elements than the diagram keeps, and how many were left out. */
  omitted?: Partial<Record<NodeKind, number>>;
}

/** An element of the diagram a failing check can be marked on: a node, a subnet or the VPC. */
export const elementIds = (s: ArchitectureSnapshot): string[] => [
  ...(s.vpc ? [s.vpc.id] : []),
  ...s.subnets.map((x) => x.id),
  ...s.nodes.map((n) => n.id),
];

/** A stored snapshot read back (a JSON column): this version's shape, or null (none stored, or an older shape). */
export function asSnapshot(value: unknown): ArchitectureSnapshot | null {
  const s = value as Partial<ArchitectureSnapshot> | null | undefined;
  return s && s.version === SNAPSHOT_VERSION && Array.isArray(s.nodes) && Array.isArray(s.subnets)
    ? (s as ArchitectureSnapshot)
    : null;
}
