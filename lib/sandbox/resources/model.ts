import { ResourceFailure } from '../errors';
import type { ResourceRecord, Tag } from '../state';

/** What a resource model can see while a stack deploys: what exists plus what this operation made so far. */
export interface World {
  accountId: string;
  region: string;
  get(key: string): ResourceRecord | undefined;
  /** Every resource of a type (in this region unless `anyRegion`). */
  all(type: string, anyRegion?: boolean): ResourceRecord[];
  /** The resource of a type whose Ref, physical id, ARN or name is `value`. */
  find(type: string, value: unknown, anyRegion?: boolean): ResourceRecord | undefined;
  /** Resources made by another one (an Auto Scaling group's instances, a VPC's main route table). */
  childrenOf(key: string): ResourceRecord[];
}

export interface ModelContext {
  world: World;
  accountId: string;
  region: string;
  stackName: string;
  logicalId: string;
  props: Record<string, unknown>;
  /** The resource as it is now, when this is an in-place update. */
  existing?: ResourceRecord;
}

/** Children are other resources this one brings into being (filled in with region, times, parent by the engine). */
export type Child = Pick<ResourceRecord, 'type' | 'physicalId' | 'props' | 'attrs' | 'tags'> &
  Partial<Pick<ResourceRecord, 'ref' | 'region'>>;

export interface Made {
  physicalId: string;
  /** What `Ref` returns, when it is not the physical id. */
  ref?: string;
  attrs?: Record<string, unknown>;
  children?: Child[];
}

export interface ResourceModel {
  /** How long AWS typically takes to create it, in seconds (simulated time). */
  seconds: number;
  make(ctx: ModelContext): Made;
  /** Attributes that are not properties but should show in tags (e.g. a taggable type); default: Tags property. */
  taggable?: boolean;
}

export type Models = Record<string, ResourceModel>;

// ---------------------------------------------------------------------------------------------- property readers

export function str(props: Record<string, unknown>, key: string): string | undefined {
  const v = props[key];
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : String(v);
}

export function num(props: Record<string, unknown>, key: string): number | undefined {
  const v = props[key];
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (Number.isNaN(n)) throw new ResourceFailure(`Value '${String(v)}' for ${key} is not a number.`);
  return n;
}

export function bool(props: Record<string, unknown>, key: string): boolean | undefined {
  const v = props[key];
  if (v === undefined || v === null) return undefined;
  return v === true || v === 'true';
}

export function list(props: Record<string, unknown>, key: string): string[] {
  const v = props[key];
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : String(v).split(',')).map(String);
}

export function obj(props: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = props[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Tags written as a list of { Key, Value } or (SSM, some others) as a map. */
export function tagsOf(props: Record<string, unknown>): Tag[] {
  const t = props.Tags;
  if (Array.isArray(t)) return t.map((x) => ({ Key: String(x?.Key), Value: String(x?.Value ?? '') }));
  if (t && typeof t === 'object') return Object.entries(t).map(([Key, Value]) => ({ Key, Value: String(Value) }));
  return [];
}

/** A property that must name an existing resource; fails the way the service does when it does not. */
export function need(
  ctx: ModelContext,
  type: string,
  value: unknown,
  notFound: (value: string) => [message: string, code: string],
): ResourceRecord {
  const found = ctx.world.find(type, value);
  if (!found) {
    const [message, code] = notFound(String(value));
    throw new ResourceFailure(message, code);
  }
  return found;
}

export function fail(message: string, code = 'InvalidParameterValue'): never {
  throw new ResourceFailure(message, code);
}
