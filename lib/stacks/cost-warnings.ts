/**
 * The cost warning of a change-set preview: a deploy that turns on the expensive part of a lab (stage 06's stretch, an
 * Aurora global database, or Aurora instances beyond the lab's cheap classes) says what it costs an hour and a week
 * before the learner executes it. Plain data here (server side: it parses the template); components/stacks/cost-warning.tsx
 * words it in the page's language.
 */
import { CHEAP_SIZES, parseTemplate } from '@/lib/cfn';
import { type ResolvedResource, resolveTemplate } from '@/lib/cfn/resolve';
import { hoursPerWeek } from '@/lib/labs/cost';
import type { PricedRegion } from '@/lib/labs/types';

/** The part of a planned change this needs (lib/stacks/change-sets.ts's PlannedChange). */
export interface ChangeForCost {
  action: string;
  logicalId: string;
  resourceType: string;
}

export interface PricedInstance {
  logicalId: string;
  instanceClass: string;
  /** db.serverless: the cluster's capacity range (ServerlessV2ScalingConfiguration), in ACUs. */
  acu?: { min: number; max: number };
}

export interface CostWarning {
  /** The deploy creates an Aurora global database (AWS::RDS::GlobalCluster) or joins one (GlobalClusterIdentifier). */
  globalDatabase: boolean;
  /** Aurora instances counted: all of this region's when a global database is involved, else the costly ones changed. */
  instances: PricedInstance[];
  /** While they run, on demand; a range when db.serverless scales between its minimum and maximum. */
  hourlyUsd: { min: number; max: number };
  weeklyUsd: { min: number; max: number };
  /** The region whose prices the figures use, and whether the stack's region is only priced like it. */
  pricedAs: PricedRegion;
  estimated: boolean;
  /** Classes with no price in this table: named in the warning, not counted. */
  unpriced: string[];
  /** With a global database: what each million write I/Os replicated to the other region cost (us-east-1). */
  replicatedWritesPerMillionUsd: number | null;
}

// On-demand Aurora MySQL prices in us-east-1 (Aurora Standard), December 2026: USD per instance-hour, and per
// ACU-hour for Aurora Serverless v2. The cheap classes are priced too: a global database counts every instance.
const US_EAST_1: Record<string, number> = {
  'db.t3.medium': 0.082,
  'db.t4g.medium': 0.073,
  'db.r5.large': 0.29,
  'db.r6i.large': 0.29,
  'db.r6g.large': 0.26,
};
export const ACU_HOUR_USD = 0.12;
/** Aurora global database: each write I/O replicated to a secondary Region (us-east-1, per million). */
export const REPLICATED_WRITES_PER_MILLION_USD = 0.2;
// Aurora's Seoul prices were not found: they are estimated as us-east-1's times stage 05's Seoul/us-east-1 ratio, the
// same estimate labs/06-go-global/lab.ts states; Osaka is priced as Seoul, us-west-2 as us-east-1 (the lab's pairs).
const SEOUL_RATIO = 1.24;

function pricing(region: string): { pricedAs: PricedRegion; factor: number; estimated: boolean } {
  if (region === 'us-east-1' || region === 'us-west-2') return { pricedAs: 'us-east-1', factor: 1, estimated: false };
  // Seoul itself is an estimate too; any other region gets the dearer figure, so a warning errs towards the larger bill.
  return { pricedAs: 'ap-northeast-2', factor: SEOUL_RATIO, estimated: region !== 'ap-northeast-2' };
}

const ACTIVE = new Set(['Add', 'Modify', 'Import', 'Dynamic']);
const isAurora = (r: ResolvedResource) =>
  r.type === 'AWS::RDS::DBInstance' &&
  (String(r.properties.Engine ?? '').startsWith('aurora') || typeof r.properties.DBClusterIdentifier === 'string');

function priced(r: ResolvedResource, byId: Map<string, ResolvedResource>): PricedInstance {
  const instanceClass = String(r.properties.DBInstanceClass ?? '');
  if (instanceClass !== 'db.serverless') return { logicalId: r.logicalId, instanceClass };
  // Ref to a cluster of the template resolves to its logical id here (no physical ids in a preview).
  const cluster = byId.get(String(r.properties.DBClusterIdentifier ?? ''));
  const range = cluster?.properties.ServerlessV2ScalingConfiguration as
    | { MinCapacity?: unknown; MaxCapacity?: unknown }
    | undefined;
  const min = Number(range?.MinCapacity);
  const max = Number(range?.MaxCapacity);
  return Number.isFinite(min) && Number.isFinite(max)
    ? { logicalId: r.logicalId, instanceClass, acu: { min, max } }
    : { logicalId: r.logicalId, instanceClass };
}

export interface CostWarningInput {
  templateBody: string;
  /** The parameter values the change set was created with (the template's Defaults fill the rest). */
  parameters: Record<string, string>;
  changes: ChangeForCost[];
  region: string;
}

/** The preview's cost warning, or undefined when the deploy turns on nothing costly. */
export function costWarning(input: CostWarningInput): CostWarning | undefined {
  const active = new Map(input.changes.filter((c) => ACTIVE.has(c.action)).map((c) => [c.logicalId, c]));
  if (![...active.values()].some((c) => c.resourceType.startsWith('AWS::RDS::'))) return undefined;
  let resources: ResolvedResource[];
  try {
    resources = resolveTemplate(parseTemplate(input.templateBody), {
      parameters: input.parameters,
      region: input.region,
    }).resources;
  } catch {
    // The change set was created, so CloudFormation resolved the template; a construct this resolver does not know
    // leaves the preview without a warning rather than failing it.
    return undefined;
  }
  const byId = new Map(resources.map((r) => [r.logicalId, r]));
  const changed = resources.filter((r) => active.has(r.logicalId));
  const globalDatabase = changed.some(
    (r) =>
      r.type === 'AWS::RDS::GlobalCluster' ||
      (r.type === 'AWS::RDS::DBCluster' && typeof r.properties.GlobalClusterIdentifier === 'string'),
  );
  const cheap = CHEAP_SIZES.aurora ?? [];
  const counted = globalDatabase
    ? resources.filter(isAurora)
    : changed.filter((r) => isAurora(r) && !cheap.includes(String(r.properties.DBInstanceClass ?? '')));
  if (!globalDatabase && !counted.length) return undefined;

  const { pricedAs, factor, estimated } = pricing(input.region);
  const instances = counted.map((r) => priced(r, byId));
  const hourly = { min: 0, max: 0 };
  const unpriced = new Set<string>();
  for (const i of instances) {
    if (i.acu) {
      hourly.min += i.acu.min * ACU_HOUR_USD * factor;
      hourly.max += i.acu.max * ACU_HOUR_USD * factor;
      continue;
    }
    const price = US_EAST_1[i.instanceClass];
    if (price === undefined) {
      unpriced.add(i.instanceClass || '?');
      continue;
    }
    hourly.min += price * factor;
    hourly.max += price * factor;
  }
  const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
  return {
    globalDatabase,
    instances,
    hourlyUsd: { min: round(hourly.min, 2), max: round(hourly.max, 2) },
    weeklyUsd: { min: round(hourly.min * hoursPerWeek, 0), max: round(hourly.max * hoursPerWeek, 0) },
    pricedAs,
    estimated,
    unpriced: [...unpriced],
    replicatedWritesPerMillionUsd: globalDatabase ? REPLICATED_WRITES_PER_MILLION_USD : null,
  };
}
