import type { CacheGroup } from '@/lib/inventory/elasticache';
import type { Evidence } from '../define';

/** Evidence for a replication group: its id and the properties a check read. */
export function cacheEvidence(cache: CacheGroup, values: Evidence['values']): Evidence {
  return { id: cache.group.ReplicationGroupId ?? '?', type: 'AWS::ElastiCache::ReplicationGroup', values };
}

export const noCache = {
  en: 'No ElastiCache replication group in the lab VPC yet.',
  ko: '실습 VPC에 아직 ElastiCache 복제 그룹이 없습니다.',
};
