import type { Change } from '@aws-sdk/client-cloudformation';

export interface Tag {
  Key: string;
  Value: string;
}

/** One simulated AWS resource, as the describe APIs see it. JSON all the way down (it is persisted). */
export interface ResourceRecord {
  type: string;
  physicalId: string;
  /** What `Ref` returns (often the physical id; a URL for a queue, an ARN for a load balancer ...). */
  ref: string;
  region: string;
  /** The resolved CloudFormation properties it was created (or last updated) with. */
  props: Record<string, unknown>;
  /** `Fn::GetAtt` values: `Arn`, `Endpoint.Address`, `AvailabilityZone` ... */
  attrs: Record<string, unknown>;
  tags: Tag[];
  createdAt: string;
  stack?: { stackId: string; stackName: string; logicalId: string };
  /** The key of the resource that made this one (an Auto Scaling group's instances). */
  parent?: string;
}

export interface StackEventRecord {
  EventId: string;
  StackId: string;
  StackName: string;
  LogicalResourceId: string;
  PhysicalResourceId: string;
  ResourceType: string;
  Timestamp: string;
  ResourceStatus: string;
  ResourceStatusReason?: string;
  ResourceProperties?: string;
}

export interface StackResourceRecord {
  logicalId: string;
  type: string;
  physicalId?: string;
  /** Key of the ResourceRecord in the region (type|physicalId). */
  key?: string;
  status: string;
  statusReason?: string;
  updatedAt: string;
}

export interface ParameterRecord {
  key: string;
  value: string;
  resolved?: string;
  noEcho?: boolean;
}

export interface OutputRecord {
  key: string;
  value: string;
  description?: string;
  exportName?: string;
}

/** A stack operation that has been planned and is playing out over simulated time. */
export interface Step {
  /** Simulated time of the step (ms). */
  at: number;
  /** Wall-clock time it falls due (ms since the epoch; lib/sandbox/cloudformation/player.ts); absent: due now. */
  wallAt?: number;
  /** The id of the step's event, fixed when the operation is planned (every server plays it alike). */
  eventId?: string;
  event?: Omit<StackEventRecord, 'EventId' | 'StackId' | 'StackName' | 'Timestamp'>;
  stackStatus?: { status: string; reason?: string };
  put?: ResourceRecord[];
  remove?: string[];
  /** After `put`: the children of `parent` not in `keep` (region#key) are gone (an Auto Scaling group scaled in). */
  prune?: { parent: string; keep: string[] };
  /** The stack's view of one resource (undefined `record` = the stack no longer has it). */
  stackResource?: { logicalId: string; record?: StackResourceRecord };
  outputs?: OutputRecord[];
  /** A retained resource (DeletionPolicy: Retain) no longer belongs to the stack. */
  detach?: string;
  /** The template, parameters and tags the stack has once this step is played (an update or its rollback). */
  // `templateBody` absent: the same as the stack has when this step is played (player.ts leaves a repeat out).
  definition?: { templateBody?: string; parameters: ParameterRecord[]; tags: Tag[]; description?: string };
}

export interface StackRecord {
  stackId: string;
  stackName: string;
  status: string;
  statusReason?: string;
  description?: string;
  createdAt: string;
  updatedAt?: string;
  deletedAt?: string;
  templateBody: string;
  parameters: ParameterRecord[];
  tags: Tag[];
  outputs: OutputRecord[];
  capabilities: string[];
  disableRollback: boolean;
  terminationProtection: boolean;
  resources: Record<string, StackResourceRecord>;
  /** Oldest first (DescribeStackEvents answers newest first). */
  events: StackEventRecord[];
  pending: Step[];
  changeSetId?: string;
}

export interface ChangeSetRecord {
  changeSetId: string;
  changeSetName: string;
  stackId: string;
  stackName: string;
  changeSetType: 'CREATE' | 'UPDATE';
  status: 'CREATE_PENDING' | 'CREATE_IN_PROGRESS' | 'CREATE_COMPLETE' | 'FAILED' | 'DELETE_COMPLETE';
  executionStatus: 'UNAVAILABLE' | 'AVAILABLE' | 'EXECUTE_IN_PROGRESS' | 'EXECUTE_COMPLETE' | 'OBSOLETE';
  statusReason?: string;
  description?: string;
  createdAt: string;
  templateBody: string;
  parameters: ParameterRecord[];
  tags: Tag[];
  capabilities: string[];
  changes: Change[];
}

export interface RegionState {
  stacks: StackRecord[];
  /** Keyed `type|physicalId`. Change it only through `putResource` / `deleteResource` (they keep the type index right). */
  readonly resources: Readonly<Record<string, ResourceRecord>>;
  changeSets: ChangeSetRecord[];
}

/** One S3 object (describe/s3-objects.ts): its bytes in base64, so the state stays JSON. */
export interface ObjectRecord {
  data: string;
  size: number;
  etag: string;
  contentType: string;
  lastModified: string;
  checksumSHA256?: string;
}

export interface SandboxState {
  version: 1;
  accountId: string;
  /** Simulated time never runs backwards: the end of the last planned operation. */
  clockMs: number;
  regions: Record<string, RegionState>;
  /** S3 objects by bucket name, then key; absent until the first PutObject. */
  objects?: Record<string, Record<string, ObjectRecord>>;
}

export const resourceKey = (type: string, physicalId: string) => `${type}|${physicalId}`;

export function emptyState(accountId: string): SandboxState {
  return { version: 1, accountId, clockMs: 0, regions: {} };
}

export function regionOf(state: SandboxState, region: string): RegionState {
  state.regions[region] ??= { stacks: [], resources: {}, changeSets: [] };
  return state.regions[region];
}

/**
 * Each region's resources grouped by type, so a describe reads the few records it asks for instead of scanning the
 * region. Built on first use; `putResource` and `deleteResource` drop it. Keyed by the `resources` object itself, so
 * a state loaded from persistence (or reset) starts without one.
 */
const typeIndexes = new WeakMap<RegionState['resources'], Map<string, ResourceRecord[]>>();

function typeIndex(region: RegionState): Map<string, ResourceRecord[]> {
  let index = typeIndexes.get(region.resources);
  if (!index) {
    index = new Map();
    for (const r of Object.values(region.resources)) {
      const list = index.get(r.type);
      if (list) list.push(r);
      else index.set(r.type, [r]);
    }
    typeIndexes.set(region.resources, index);
  }
  return index;
}

/** Add or replace a resource in its region. */
export function putResource(state: SandboxState, record: ResourceRecord): void {
  const region = regionOf(state, record.region);
  (region.resources as Record<string, ResourceRecord>)[resourceKey(record.type, record.physicalId)] = record;
  typeIndexes.delete(region.resources);
}

/** Remove one resource (not its children: see `removeResource` in the player). */
export function deleteResource(region: RegionState, key: string): void {
  delete (region.resources as Record<string, ResourceRecord>)[key];
  typeIndexes.delete(region.resources);
}

/** Resources of a type in one region, in the order they were first put (a fresh array: callers may sort it). */
export function resourcesIn(state: SandboxState, region: string, type: string): ResourceRecord[] {
  return [...(typeIndex(regionOf(state, region)).get(type) ?? [])];
}

/** Every resource of a type in a region (or in every region, for the global services: IAM, S3 names, CloudFront). */
export function resourcesOf(state: SandboxState, type: string, region?: string): ResourceRecord[] {
  if (region) return resourcesIn(state, region, type);
  return Object.values(state.regions).flatMap((r) => typeIndex(r).get(type) ?? []);
}

/** The resource of a type with this physical id in a region (a direct key lookup). */
export function resourceById(
  state: SandboxState,
  region: string,
  type: string,
  physicalId: unknown,
): ResourceRecord | undefined {
  return typeof physicalId === 'string' ? state.regions[region]?.resources[resourceKey(type, physicalId)] : undefined;
}

/** A live stack by name or id (deleted stacks are found by id only, as AWS does). */
export function findStack(region: RegionState, nameOrId: string): StackRecord | undefined {
  if (nameOrId.startsWith('arn:')) return region.stacks.find((s) => s.stackId === nameOrId);
  return region.stacks.find((s) => s.stackName === nameOrId && s.status !== 'DELETE_COMPLETE');
}
