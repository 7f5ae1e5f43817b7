import { describe, it } from 'vitest';
import { expectAccepted, expectRefused, template } from './support';

const group = (props: string) =>
  template(`
  CacheSubnets: { Type: AWS::ElastiCache::SubnetGroup, Properties: { Description: cache, SubnetIds: [!Ref SubnetA, !Ref SubnetB] } }
  Cache:
    Type: AWS::ElastiCache::ReplicationGroup
    Properties: { ReplicationGroupDescription: cache, Engine: valkey, CacheSubnetGroupName: !Ref CacheSubnets, ${props} }
`);

describe("ElastiCache ('elasticache.failover-needs-replica', 'elasticache.multi-az-needs-failover')", () => {
  it('refuses automatic failover with a single node', () =>
    expectRefused(
      group('CacheNodeType: cache.t3.micro, NumCacheClusters: 1, AutomaticFailoverEnabled: true'),
      /automatic failover enabled requires at least 2 cache clusters\. \(Service: ElastiCache/,
    ));
  it('refuses Multi-AZ without automatic failover', () =>
    expectRefused(
      group('CacheNodeType: cache.t3.micro, NumCacheClusters: 2, MultiAZEnabled: true'),
      /Multi-AZ requires automatic failover to be enabled\./,
    ));
  it('accepts Multi-AZ with failover and a replica', () =>
    expectAccepted(
      group('CacheNodeType: cache.t3.micro, NumCacheClusters: 2, MultiAZEnabled: true, AutomaticFailoverEnabled: true'),
    ));
});

describe("'elasticache.global-datastore-node-type'", () => {
  const member = (nodeType: string) =>
    group(
      `CacheNodeType: ${nodeType}, NumCacheClusters: 2, AutomaticFailoverEnabled: true, GlobalReplicationGroupId: ldgnf-shop`,
    );
  it('refuses a global datastore member on a burstable node', () =>
    expectRefused(member('cache.t3.micro'), /Global datastore is not supported on node type cache\.t3\.micro\./));
  it('accepts an R6g large node', () => expectAccepted(member('cache.r6g.large')));
});
