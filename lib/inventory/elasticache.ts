import {
  type CacheCluster,
  paginateDescribeCacheClusters,
  paginateDescribeCacheSubnetGroups,
  paginateDescribeReplicationGroups,
  type ReplicationGroup,
} from '@aws-sdk/client-elasticache';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** A replication group with what its nodes say about it: the VPC, the security groups, the port, the AZs. */
export interface CacheGroup {
  group: ReplicationGroup;
  /** The VPC of its nodes' cache subnet group (ReplicationGroup itself does not say). */
  vpcId: string | undefined;
  securityGroupIds: string[];
  port: number;
  zones: string[];
}

const unique = (xs: (string | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

/** The port clients connect on: the primary endpoint's (cluster mode off) or the configuration endpoint's. */
export function cachePort(group: ReplicationGroup): number {
  return group.NodeGroups?.[0]?.PrimaryEndpoint?.Port ?? group.ConfigurationEndpoint?.Port ?? 6379;
}

/** Join replication groups to their member clusters and to the VPC of those clusters' subnet group. */
export function joinCacheGroups(
  groups: ReplicationGroup[],
  clusters: CacheCluster[],
  subnetGroups: { CacheSubnetGroupName?: string; VpcId?: string }[],
): CacheGroup[] {
  const vpcOf = new Map(subnetGroups.map((s) => [s.CacheSubnetGroupName, s.VpcId]));
  return groups
    .filter((g) => g.Status !== 'deleting')
    .map((group) => {
      const members = clusters.filter((c) => c.ReplicationGroupId === group.ReplicationGroupId);
      return {
        group,
        vpcId: members.map((c) => vpcOf.get(c.CacheSubnetGroupName)).find((v) => v !== undefined),
        securityGroupIds: unique(members.flatMap((c) => (c.SecurityGroups ?? []).map((s) => s.SecurityGroupId))),
        port: cachePort(group),
        zones: unique([
          ...(group.NodeGroups ?? []).flatMap((n) =>
            (n.NodeGroupMembers ?? []).map((m) => m.PreferredAvailabilityZone),
          ),
          ...members.map((c) => c.PreferredAvailabilityZone),
        ]),
      };
    });
}

/** Every replication group of the region with its nodes and subnet groups: three paginated describes per run. */
export function loadCacheGroups(clients: AwsClients, memo: Memo): Promise<CacheGroup[]> {
  return memo.get('elasticache.cacheGroups', async () => {
    const client = clients.elasticache;
    const [groups, clusters, subnetGroups] = await Promise.all([
      collect(paginateDescribeReplicationGroups({ client }, {}), (p) => p.ReplicationGroups),
      collect(paginateDescribeCacheClusters({ client }, {}), (p) => p.CacheClusters),
      collect(paginateDescribeCacheSubnetGroups({ client }, {}), (p) => p.CacheSubnetGroups),
    ]);
    return joinCacheGroups(groups, clusters, subnetGroups);
  });
}
