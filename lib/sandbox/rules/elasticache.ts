/** Amazon ElastiCache (Valkey / Redis OSS): replication groups, Multi-AZ, automatic failover, global datastores. */
import type { ModelContext } from '../resources';
import { bool, num, str } from '../resources/model';
import { refuse, rule } from './rule';

const GROUP = 'AWS::ElastiCache::ReplicationGroup';

/** Nodes of a cluster-mode-disabled group: NumCacheClusters, or one primary plus its replicas. */
const nodes = (ctx: ModelContext) =>
  num(ctx.props, 'NumCacheClusters') ?? 1 + (num(ctx.props, 'ReplicasPerNodeGroup') ?? 0);

// ElastiCache User Guide › Minimizing downtime in ElastiCache by using Multi-AZ › "Enabling Multi-AZ": automatic
// failover needs at least one read replica (two nodes); Multi-AZ needs automatic failover.
const MULTI_AZ = {
  title: 'Amazon ElastiCache User Guide: Minimizing downtime in ElastiCache by using Multi-AZ › Enabling Multi-AZ',
  url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
};

export const failoverNeedsReplica = rule({
  id: 'elasticache.failover-needs-replica',
  types: [GROUP],
  says: 'Automatic failover needs at least 2 nodes (a primary and a replica).',
  source: MULTI_AZ,
  check(ctx) {
    // Wording: the sandbox's resource model has always used it; ElastiCache's exact text was not found.
    if (bool(ctx.props, 'AutomaticFailoverEnabled') && nodes(ctx) < 2)
      refuse(
        'Redis with cluster mode disabled with automatic failover enabled requires at least 2 cache clusters.',
        'InvalidParameterCombination',
      );
  },
});

export const multiAzNeedsFailover = rule({
  id: 'elasticache.multi-az-needs-failover',
  types: [GROUP],
  says: 'Multi-AZ needs automatic failover enabled (and so at least 2 nodes).',
  source: MULTI_AZ,
  check(ctx) {
    if (bool(ctx.props, 'MultiAZEnabled') && !bool(ctx.props, 'AutomaticFailoverEnabled'))
      refuse('Multi-AZ requires automatic failover to be enabled.', 'InvalidParameterCombination');
  },
});

const GLOBAL_FAMILIES = ['m5', 'm6g', 'm7g', 'r5', 'r6g', 'r6gd', 'r7g', 'c7gn'];

// ElastiCache User Guide › Replication across AWS Regions using global datastores › "Prerequisites and limitations":
// global datastores are supported on M5, M6g, M7g, R5, R6g, R6gd, R7g and C7gn, size large and above.
export const globalDatastoreNodeType = rule({
  id: 'elasticache.global-datastore-node-type',
  types: [GROUP, 'AWS::ElastiCache::GlobalReplicationGroup'],
  says: 'A global datastore member uses an M5, M6g, M7g, R5, R6g, R6gd, R7g or C7gn node of size large or above.',
  source: {
    title:
      'Amazon ElastiCache User Guide: Replication across AWS Regions using global datastores › Prerequisites and limitations',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html',
  },
  check(ctx, type) {
    const nodeType = str(ctx.props, 'CacheNodeType');
    if (!nodeType || (type === GROUP && !str(ctx.props, 'GlobalReplicationGroupId'))) return;
    const [, family = '', size = ''] = /^cache\.([a-z0-9]+)\.([a-z0-9]+)$/.exec(nodeType) ?? [];
    if (GLOBAL_FAMILIES.includes(family) && /^(large|\d*xlarge)$/.test(size)) return;
    // Wording: the sandbox's (ElastiCache's own text was not found); the code is the one ElastiCache uses.
    refuse(`Global datastore is not supported on node type ${nodeType}.`, 'InvalidParameterCombination');
  },
});

export const elasticacheRules = [failoverNeedsReplica, multiAzNeedsFailover, globalDatastoreNodeType];
