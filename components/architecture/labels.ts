import type { ArchitectureSnapshot, ArchNode } from '@/lib/architecture/model';
import type { Translate } from '@/lib/i18n/messages';

/** `i-1cb996f9763de88d8` → `…f9763de88d8`: ids that fit a box (the full id is in its tooltip and the text version). */
export const shortId = (id: string, keep = 10) => (id.length > keep + 1 ? `…${id.slice(-keep)}` : id);

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/** The bold first line and the smaller second line of a node's box. */
export function nodeLabel(n: ArchNode, t: Translate): { label: string; sub: string } {
  switch (n.kind) {
    case 'instance':
      return {
        label: n.role ? `EC2 · ${n.role === 'web' ? t('arch.role.web') : n.role}` : 'EC2',
        sub: `${shortId(n.id, 6)} · ${n.state && n.state !== 'running' ? n.state : str(n.facts?.InstanceType)}`,
      };
    case 'elastic-ip':
      return { label: `EIP ${n.name ?? n.id}`, sub: '' };
    case 'load-balancer':
      return {
        label: t(n.facts?.Type === 'network' ? 'arch.lb.network' : 'arch.lb.application'),
        sub: `${n.role === 'internal' ? t('arch.scheme.internal') : t('arch.scheme.internet-facing')} · ${shortId(n.id, 18)}`,
      };
    case 'target-group':
      return {
        label: `${shortId(n.id, 16)} · ${t('arch.healthy', { healthy: str(n.facts?.healthy), n: str(n.facts?.targets) })}`,
        sub: '',
      };
    case 'auto-scaling-group':
      return {
        label: t('arch.group', {
          desired: str(n.facts?.DesiredCapacity),
          min: str(n.facts?.MinSize),
          max: str(n.facts?.MaxSize),
        }),
        sub: '',
      };
    case 'database': {
      const role =
        (['primary', 'standby', 'replica', 'cluster-member'] as const).find((r) => r === n.role) ?? 'primary';
      const sub = n.role === 'standby' ? 'Multi-AZ' : `${str(n.facts?.DBInstanceClass)} · ${shortId(n.id, 10)}`;
      return { label: t(`arch.db.${role}`), sub };
    }
    case 'cache-node':
      return {
        label: t(
          n.role === 'primary' ? 'arch.cache.primary' : n.role === 'replica' ? 'arch.cache.replica' : 'arch.cache.node',
        ),
        sub: shortId(n.id, 16),
      };
    case 'bucket':
      return { label: t('arch.kind.bucket'), sub: n.role === 'static' ? t('arch.bucket.static') : shortId(n.id, 18) };
    case 'distribution':
      return { label: t('arch.kind.distribution'), sub: shortId(n.name ?? n.id, 20) };
    case 'queue':
      return { label: t('arch.kind.queue'), sub: n.role === 'dead-letter' ? t('arch.queue.dlq') : shortId(n.id, 18) };
    case 'table':
      return { label: t('arch.kind.table'), sub: n.role === 'sessions' ? t('arch.table.sessions') : shortId(n.id, 18) };
  }
}

/** What a marker's tooltip calls the element: a node's kind and id, a subnet, the VPC. */
export function elementName(s: ArchitectureSnapshot, id: string, t: Translate): string {
  if (s.vpc?.id === id) return t('arch.vpc', { id });
  const subnet = s.subnets.find((x) => x.id === id);
  if (subnet) return `${t(subnet.public ? 'arch.public' : 'arch.private')} ${id}`;
  const n = s.nodes.find((x) => x.id === id);
  return n ? `${t(`arch.kind.${n.kind}`)} ${n.id}` : id;
}
