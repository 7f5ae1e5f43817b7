import type { CacheGroup } from '@/lib/inventory/elasticache';
import { cacheAddresses, configurationNames } from '@/lib/inventory/fleet';
import { defineCheck, fail, noLabYet, pass } from '../define';
import { cacheEvidence, noCache } from './evidence';

const nodes = (c: CacheGroup) => c.group.MemberClusters?.length ?? 0;

/** What keeps a group from failing over to another AZ by itself: empty when nothing does. */
function problems(c: CacheGroup): string[] {
  return [
    ...(c.group.AutomaticFailover === 'enabled'
      ? []
      : [`AutomaticFailover=${c.group.AutomaticFailover ?? 'disabled'}`]),
    ...(c.group.MultiAZ === 'enabled' ? [] : [`MultiAZ=${c.group.MultiAZ ?? 'disabled'}`]),
  ];
}

export default defineCheck({
  id: 'elasticache.multi-az-failover',
  stage: '04-cache-automate-secure',
  severity: 'required',
  reads: ['caches', 'webLaunchConfiguration'],
  title: {
    en: 'The web servers use an ElastiCache replication group that fails over across AZs automatically',
    ko: '웹 서버가 AZ를 넘어 자동으로 장애 조치되는 ElastiCache 복제 그룹을 쓴다',
  },
  why: {
    en: 'Once sessions and hot reads live in the cache, the cache is as critical as the database. A primary and a replica in different AZs with automatic failover promote the replica within a minute or two when the primary’s node or AZ fails, behind the same endpoint.',
    ko: '세션과 자주 읽는 데이터가 캐시에 있으면 캐시도 데이터베이스만큼 중요해집니다. 서로 다른 AZ에 기본 노드와 복제본을 두고 자동 장애 조치를 켜면, 기본 노드나 그 AZ가 실패해도 1~2분 안에 같은 엔드포인트 뒤에서 복제본이 승격됩니다.',
  },
  hint: {
    en: 'Create an AWS::ElastiCache::ReplicationGroup in the private subnets (a cache subnet group) with NumCacheClusters: 2, AutomaticFailoverEnabled: true and MultiAZEnabled: true.',
    ko: '프라이빗 서브넷(캐시 서브넷 그룹)에 NumCacheClusters: 2, AutomaticFailoverEnabled: true, MultiAZEnabled: true인 AWS::ElastiCache::ReplicationGroup을 만드세요.',
  },
  step: 'cache',
  remediation: {
    template:
      'CacheReplicationGroup:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    ReplicationGroupDescription: sessions and hot reads\n    Engine: valkey\n    CacheNodeType: cache.t3.micro\n    NumCacheClusters: 2\n    AutomaticFailoverEnabled: true\n    MultiAZEnabled: true\n    CacheSubnetGroupName: !Ref CacheSubnetGroup\n    SecurityGroupIds: [!Ref CacheSecurityGroup]',
    console: {
      en: 'ElastiCache → Valkey (or Redis OSS) caches → Create → Design your own cache, cluster mode disabled → cache.t3.micro, 1 replica → Multi-AZ and Auto-failover on → the lab VPC’s private subnets and the cache SG.',
      ko: 'ElastiCache → Valkey(또는 Redis OSS) 캐시 → 생성 → 직접 설계, 클러스터 모드 비활성화 → cache.t3.micro, 복제본 1개 → 다중 AZ와 자동 장애 조치 켜기 → 실습 VPC의 프라이빗 서브넷과 캐시 SG 선택.',
    },
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --automatic-failover-enabled --multi-az-enabled --apply-immediately',
  },
  async run(inv) {
    if (!(await inv.vpcId())) return noLabYet();
    const [all, config] = await Promise.all([inv.caches(), inv.webLaunchConfiguration()]);
    if (all.length === 0) return fail(noCache);
    // The cache that counts is the one the app uses: its endpoint is in the configuration the web servers start with.
    const caches = all.filter((c) => cacheAddresses(c.group).some((a) => configurationNames(config, a)));
    if (caches.length === 0) {
      const endpoints = all.flatMap((c) => cacheAddresses(c.group)).join(', ') || 'none';
      const where = config ? `launch template ${config.source}` : 'no web Auto Scaling group launch template';
      return fail(
        {
          en: `The web servers' configuration (${where}) names none of the lab VPC's cache endpoints (${endpoints}): the app does not use the cache.`,
          ko: `웹 서버의 구성(${where})에 실습 VPC 캐시 엔드포인트(${endpoints})가 없습니다. 앱이 캐시를 쓰지 않습니다.`,
        },
        all.map((c) => cacheEvidence(c, { endpoints: cacheAddresses(c.group).join(', ') || null, usedByApp: false })),
      );
    }
    const evidence = caches.map((c) =>
      cacheEvidence(c, {
        AutomaticFailover: c.group.AutomaticFailover ?? null,
        MultiAZ: c.group.MultiAZ ?? null,
        nodes: nodes(c),
        AvailabilityZones: c.zones.join(', ') || null,
        CacheNodeType: c.group.CacheNodeType ?? null,
        usedByApp: config?.source ?? null,
      }),
    );
    const good = caches.find((c) => problems(c).length === 0);
    if (good) {
      return pass(
        {
          en: `ElastiCache replication group ${good.group.ReplicationGroupId}, which the web servers use: AutomaticFailover and MultiAZ enabled, ${nodes(good)} nodes in ${good.zones.join(', ')}.`,
          ko: `웹 서버가 쓰는 ElastiCache 복제 그룹 ${good.group.ReplicationGroupId}: 자동 장애 조치와 다중 AZ가 켜져 있고, ${good.zones.join(', ')}에 노드 ${nodes(good)}개가 있습니다.`,
        },
        evidence,
      );
    }
    const list = caches.map((c) => `${c.group.ReplicationGroupId}: ${problems(c).join(', ')}`).join('; ');
    return fail(
      {
        en: `The ElastiCache replication group the web servers use does not fail over across AZs (${list}).`,
        ko: `웹 서버가 쓰는 ElastiCache 복제 그룹이 AZ를 넘어 장애 조치되지 않습니다 (${list}).`,
      },
      evidence,
    );
  },
});
