import {
  type HealthCheck,
  type HostedZone,
  ListResourceRecordSetsCommand,
  paginateListHealthChecks,
  paginateListHostedZones,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** Every hosted zone of the account (Route 53 is global), once per run. */
export function loadHostedZones(clients: AwsClients, memo: Memo): Promise<HostedZone[]> {
  return memo.get('route53.zones', () =>
    collect(paginateListHostedZones({ client: clients.route53 }, {}), (p) => p.HostedZones),
  );
}

export function loadHealthChecks(clients: AwsClients, memo: Memo): Promise<HealthCheck[]> {
  return memo.get('route53.healthChecks', () =>
    collect(paginateListHealthChecks({ client: clients.route53 }, {}), (p) => p.HealthChecks),
  );
}

/**
 * A zone's record sets. ListResourceRecordSets pages by StartRecordName/Type/Identifier (NextRecord…), which the SDK
 * has no paginator for, so the loop follows them by hand.
 */
export function loadRecordSets(clients: AwsClients, memo: Memo, zoneId: string): Promise<ResourceRecordSet[]> {
  return memo.get(`route53.records:${zoneId}`, async () => {
    const out: ResourceRecordSet[] = [];
    let next: {
      StartRecordName?: string;
      StartRecordType?: ResourceRecordSet['Type'];
      StartRecordIdentifier?: string;
    } = {};
    for (;;) {
      const page = await clients.route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId, ...next }));
      out.push(...(page.ResourceRecordSets ?? []));
      if (!page.IsTruncated) return out;
      next = {
        StartRecordName: page.NextRecordName,
        StartRecordType: page.NextRecordType,
        StartRecordIdentifier: page.NextRecordIdentifier,
      };
    }
  });
}

/** `dualstack.lab-1.us-east-1.elb.amazonaws.com.` → `lab-1.us-east-1.elb.amazonaws.com`: alias targets vs DNS names. */
export const normalizeDns = (name: string | undefined): string =>
  (name ?? '')
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^dualstack\./, '');

/** Where a record points: its alias target, else its record values (a CNAME's). */
export const recordTargets = (r: ResourceRecordSet): string[] =>
  r.AliasTarget?.DNSName
    ? [normalizeDns(r.AliasTarget.DNSName)]
    : (r.ResourceRecords ?? []).flatMap((v) => (v.Value ? [normalizeDns(v.Value)] : []));

/** One failover pair or latency set of records (same name and type), judged against the two regions' endpoints. */
export interface RegionalRouting {
  name: string;
  type: string;
  policy: 'failover' | 'latency';
  records: ResourceRecordSet[];
  /** The lab regions whose endpoints the records point at, in order (the primary's first). */
  regions: string[];
  /** Health checks the records carry that exist (for failover: the primary's). */
  healthChecks: string[];
  ok: boolean;
  problem?: string;
}

/**
 * Judge routing records: a failover pair (PRIMARY + SECONDARY, a health check on the primary, the two pointing at
 * different regions' endpoints) or a latency set (records in ≥ 2 regions, each with a health check), per the Route 53
 * guide's "Active-passive failover" and "Latency-based routing". `endpoints` maps each lab region to its endpoints'
 * DNS names (normalized).
 */
export function judgeRouting(
  records: ResourceRecordSet[],
  healthCheckIds: Set<string>,
  endpoints: Record<string, string[]>,
): RegionalRouting[] {
  const regionOf = (r: ResourceRecordSet) =>
    Object.entries(endpoints).find(([, names]) => recordTargets(r).some((t) => names.includes(t)))?.[0];
  const sets = new Map<string, ResourceRecordSet[]>();
  for (const r of records) {
    if (!r.Failover && !r.Region) continue;
    const key = `${normalizeDns(r.Name)} ${r.Type}`;
    sets.set(key, [...(sets.get(key) ?? []), r]);
  }
  return [...sets.values()].map((set) => {
    const first = set[0] as ResourceRecordSet;
    const base = { name: normalizeDns(first.Name), type: String(first.Type), records: set };
    const live = (r: ResourceRecordSet | undefined) =>
      r?.HealthCheckId && healthCheckIds.has(r.HealthCheckId) ? [r.HealthCheckId] : [];
    if (first.Failover) {
      const primary = set.find((r) => r.Failover === 'PRIMARY');
      const secondary = set.find((r) => r.Failover === 'SECONDARY');
      const regions = [primary, secondary].flatMap((r) => (r && regionOf(r) ? [regionOf(r) as string] : []));
      const healthChecks = live(primary);
      const problem =
        !primary || !secondary
          ? `needs both a PRIMARY and a SECONDARY record (has ${set.map((r) => r.Failover).join(', ')})`
          : !healthChecks.length
            ? 'the PRIMARY record has no health check'
            : new Set(regions).size < 2
              ? `the records do not point at both regions' endpoints (they reach ${regions.join(', ') || 'no lab endpoint'})`
              : undefined;
      return {
        ...base,
        policy: 'failover' as const,
        regions,
        healthChecks,
        ok: !problem,
        ...(problem ? { problem } : {}),
      };
    }
    const regions = [...new Set(set.flatMap((r) => regionOf(r) ?? []))];
    const healthChecks = set.flatMap(live);
    const problem =
      regions.length < 2
        ? `the records do not point at both regions' endpoints (they reach ${regions.join(', ') || 'no lab endpoint'})`
        : healthChecks.length < set.length
          ? 'not every latency record has a health check'
          : undefined;
    return {
      ...base,
      policy: 'latency' as const,
      regions,
      healthChecks,
      ok: !problem,
      ...(problem ? { problem } : {}),
    };
  });
}
