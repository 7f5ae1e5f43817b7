import type { Stack } from '@aws-sdk/client-cloudformation';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { DBCluster, DBInstance, GlobalCluster } from '@aws-sdk/client-rds';
import type { ReplicationRule } from '@aws-sdk/client-s3';
import type { AwsClients } from '@/lib/aws/clients';
import { loadDbClusters, loadGlobalClusters, regionOfArn } from './aurora';
import { loadNamedTables, tableNameFromArn } from './dynamodb';
import type { Inventory } from './inventory';
import { findByLabRule, roleFirst } from './lab-resources';
import { isInternetFacingAlb } from './load-balancing';
import type { Memo } from './memo';
import { bucketFromArn, loadBucketRegion, loadReplication } from './replication';
import {
  judgeRouting,
  loadHealthChecks,
  loadHostedZones,
  loadRecordSets,
  normalizeDns,
  type RegionalRouting,
} from './route53';
import { loadTable } from './serverless';
import { loadLabTagged, mappingTag } from './tagging';

/** The lab in a second region: which region, its lab stack there (if any), and an Inventory of that region. */
export interface SecondRegion {
  region: string;
  stack: Stack | undefined;
  inventory: Inventory;
}

export interface GlobalTable {
  name: string;
  table: TableDescription | undefined;
  /** This region and every replica region that is ACTIVE (or on its way: CREATING, UPDATING). */
  regions: string[];
}

export interface AuroraCluster {
  cluster: DBCluster;
  members: { instance: DBInstance | undefined; id: string; writer: boolean; az: string | undefined }[];
}

export interface BucketReplication {
  bucket: string;
  rules: ReplicationRule[];
  /** Each enabled rule's destination bucket and the region it lives in. */
  destinations: { bucket: string; region: string | undefined }[];
}

const LIVE_REPLICA = ['ACTIVE', 'CREATING', 'UPDATING'];

/**
 * Stage 06's reads (go global): the second region's lab stack, the global table's replica regions, the Aurora
 * cluster and its global database, Route 53 failover across regions, S3 cross-region replication. The second region
 * is the account's first region other than the lab's (`Account.regions`); reads there go through an Inventory over
 * the same account's clients in that region (`AwsClients.forRegion`).
 */
export class MultiRegionReads {
  constructor(
    private readonly inv: Inventory,
    private readonly memo: Memo,
    private readonly inventoryFor: (clients: AwsClients) => Inventory,
  ) {}

  private get clients() {
    return this.inv.clients;
  }

  /** The account's regions beyond the lab's own, in the order the account lists them. */
  otherRegions(): string[] {
    return this.clients.account.regions.filter((r) => r !== this.clients.region);
  }

  /** The second region and the lab stack there; undefined when the account names no second region. */
  secondRegion(): Promise<SecondRegion | undefined> {
    return this.memo.get('global.secondRegion', async () => {
      const region = this.otherRegions()[0];
      if (!region) return undefined;
      const inventory = this.inventoryFor(this.clients.forRegion(region));
      return { region, stack: await inventory.stack(), inventory };
    });
  }

  /** The lab's global tables: output `GlobalTable`, else tagged (role `global-table` first), else named after the stack. */
  globalTables(): Promise<GlobalTable[]> {
    return this.memo.get('global.globalTables', async () => {
      const [vpcId, output] = await Promise.all([this.inv.vpcId(), this.inv.stackOutput('GlobalTable')]);
      if (!vpcId) return [];
      const stackName = this.inv.scope.stackName;
      const { found } = await findByLabRule({
        fromOutput: async () => (output ? [output] : []),
        tagged: async () =>
          roleFirst(
            await loadLabTagged(this.clients, this.memo, stackName, 'dynamodb:table'),
            (m) => mappingTag(m, 'scalelab:role'),
            'global-table',
          ).flatMap((m) => tableNameFromArn(m.ResourceARN ?? '') ?? []),
        named: () => loadNamedTables(this.clients, this.memo, stackName),
      });
      return Promise.all(
        found.map(async (name) => {
          const table = await loadTable(this.clients, this.memo, name);
          const replicas = (table?.Replicas ?? [])
            .filter((r) => LIVE_REPLICA.includes(String(r.ReplicaStatus ?? 'ACTIVE')))
            .flatMap((r) => r.RegionName ?? []);
          const regions = table ? [...new Set([this.clients.region, ...replicas])] : [];
          return { name, table, regions };
        }),
      );
    });
  }

  /** Aurora clusters with a member DB instance in the lab VPC, each member with its role and AZ. */
  auroraClusters(): Promise<AuroraCluster[]> {
    return this.memo.get('global.auroraClusters', async () => {
      const [clusters, instances] = await Promise.all([
        loadDbClusters(this.clients, this.memo),
        this.inv.dbInstances(),
      ]);
      const byId = new Map(instances.map((i) => [i.DBInstanceIdentifier, i]));
      return clusters
        .filter((c) => c.Engine?.startsWith('aurora') && c.Status !== 'deleting')
        .filter((c) => (c.DBClusterMembers ?? []).some((m) => byId.has(m.DBInstanceIdentifier)))
        .map((cluster) => ({
          cluster,
          members: (cluster.DBClusterMembers ?? []).map((m) => {
            const instance = byId.get(m.DBInstanceIdentifier);
            return {
              instance,
              id: m.DBInstanceIdentifier ?? '?',
              writer: m.IsClusterWriter === true,
              az: instance?.AvailabilityZone,
            };
          }),
        }));
    });
  }

  /** The global databases the lab's Aurora clusters belong to, with the regions of their members. */
  globalDatabases(): Promise<{ global: GlobalCluster; cluster: DBCluster; regions: string[] }[]> {
    return this.memo.get('global.globalDatabases', async () => {
      const lab = await this.auroraClusters();
      const joined = lab.filter((c) => c.cluster.GlobalClusterIdentifier);
      if (!joined.length) return [];
      const globals = await loadGlobalClusters(this.clients, this.memo);
      return joined.flatMap(({ cluster }) => {
        const global = globals.find(
          (g) =>
            g.GlobalClusterIdentifier === cluster.GlobalClusterIdentifier ||
            (g.GlobalClusterMembers ?? []).some((m) => m.DBClusterArn === cluster.DBClusterArn),
        );
        if (!global) return [];
        const regions = [
          ...new Set((global.GlobalClusterMembers ?? []).flatMap((m) => regionOfArn(m.DBClusterArn) ?? [])),
        ];
        return [{ global, cluster, regions }];
      });
    });
  }

  /** The internet-facing ALBs' DNS names of the lab in each region (this one and the second). */
  private async endpoints(): Promise<Record<string, string[]>> {
    const second = await this.secondRegion();
    const dnsOf = async (inv: Inventory) =>
      (await inv.loadBalancers()).filter(isInternetFacingAlb).map((lb) => normalizeDns(lb.DNSName));
    const out: Record<string, string[]> = { [this.clients.region]: await dnsOf(this.inv) };
    if (second?.stack) out[second.region] = await dnsOf(second.inventory);
    return out;
  }

  /** Failover or latency records in the account's hosted zones, judged against both regions' ALBs. */
  regionalRouting(): Promise<{ routing: RegionalRouting[]; endpoints: Record<string, string[]> }> {
    return this.memo.get('global.regionalRouting', async () => {
      // Route 53 is global: its lists start with the lab VPC lookup (their failure matters only with a lab).
      const lists = Promise.all([loadHostedZones(this.clients, this.memo), loadHealthChecks(this.clients, this.memo)]);
      lists.catch(() => undefined);
      if (!(await this.inv.vpcId())) return { routing: [], endpoints: {} };
      const [[zones, checks], endpoints] = await Promise.all([lists, this.endpoints()]);
      const ids = new Set(checks.flatMap((h) => h.Id ?? []));
      const records = await Promise.all(
        zones.map((z) => loadRecordSets(this.clients, this.memo, (z.Id ?? '').replace('/hostedzone/', ''))),
      );
      return { routing: judgeRouting(records.flat(), ids, endpoints), endpoints };
    });
  }

  /** The static bucket's replication rules and where each enabled rule replicates to. */
  bucketReplication(): Promise<BucketReplication | undefined> {
    return this.memo.get('global.bucketReplication', async () => {
      const bucket = await this.inv.staticBucket();
      if (!bucket) return undefined;
      const config = await loadReplication(this.clients, this.memo, bucket);
      const rules = config?.Rules ?? [];
      const targets = [
        ...new Set(
          rules.filter((r) => r.Status === 'Enabled').flatMap((r) => bucketFromArn(r.Destination?.Bucket) ?? []),
        ),
      ];
      const destinations = await Promise.all(
        targets.map(async (b) => ({ bucket: b, region: await loadBucketRegion(this.clients, this.memo, b) })),
      );
      return { bucket, rules, destinations };
    });
  }
}
