import type { ArchitectureSnapshot, ArchNode } from '@/lib/architecture/model';
import type { Translate } from '@/lib/i18n/messages';

const s = (v: unknown) => (v === undefined || v === null || v === '' ? '?' : String(v));

/**
 * The same facts as the drawing, as sentences (the diagram's text alternative): the VPC and its AZs, each subnet,
 * instance, group, load balancer and target group, database, cache node, bucket, distribution, queue and table.
 */
export function architectureFacts(snapshot: ArchitectureSnapshot, t: Translate): string[] {
  if (!snapshot.vpc) return [t('arch.nothing')];
  const nodes = snapshot.nodes;
  const of = (kind: ArchNode['kind']) => nodes.filter((n) => n.kind === kind);
  const tierOf = (n: ArchNode) => {
    const subnet = snapshot.subnets.find((x) => n.subnetIds?.includes(x.id));
    return subnet ? t(subnet.public ? 'arch.public' : 'arch.private') : '?';
  };
  const facts: string[] = [
    t('arch.fact.vpc', {
      id: snapshot.vpc.id,
      region: snapshot.region,
      n: snapshot.azs.length,
      azs: snapshot.azs.join(', ') || t('arch.fact.none'),
    }),
    ...snapshot.subnets.map((x) =>
      t('arch.fact.subnet', {
        kind: t(x.public ? 'arch.public' : 'arch.private'),
        id: x.id,
        cidr: s(x.cidr),
        az: x.az,
      }),
    ),
  ];
  for (const lb of of('load-balancer')) {
    facts.push(
      t('arch.fact.lb', {
        type: t(lb.facts?.Type === 'network' ? 'arch.lb.network' : 'arch.lb.application'),
        id: lb.id,
        scheme: t(lb.role === 'internal' ? 'arch.scheme.internal' : 'arch.scheme.internet-facing'),
        azs: (lb.azs ?? []).join(', '),
      }),
    );
    for (const tg of nodes.filter((n) => n.kind === 'target-group' && n.parent === lb.id)) {
      const targets = snapshot.edges.filter((e) => e.kind === 'target' && e.from === tg.id);
      facts.push(
        t('arch.fact.tg', {
          id: tg.id,
          lb: lb.id,
          healthy: s(tg.facts?.healthy),
          n: s(tg.facts?.targets),
          targets: targets.map((e) => `${e.to}: ${s(e.state)}`).join(', ') || t('arch.fact.none'),
        }),
      );
    }
  }
  for (const g of of('auto-scaling-group')) {
    facts.push(
      t('arch.fact.group', {
        id: g.id,
        azs: (g.azs ?? []).join(', '),
        desired: s(g.facts?.DesiredCapacity),
        min: s(g.facts?.MinSize),
        max: s(g.facts?.MaxSize),
        members:
          of('instance')
            .filter((i) => i.parent === g.id)
            .map((i) => i.id)
            .join(', ') || t('arch.fact.none'),
      }),
    );
  }
  for (const i of of('instance')) {
    const role = i.role === 'web' ? t('arch.role.web') : (i.role ?? t('arch.role.none'));
    facts.push(
      t('arch.fact.instance', {
        id: i.id,
        role,
        state: s(i.state),
        type: s(i.facts?.InstanceType),
        az: s(i.azs?.[0]),
        tier: tierOf(i),
      }),
    );
  }
  for (const e of of('elastic-ip')) facts.push(t('arch.fact.eip', { ip: s(e.name), instance: s(e.parent) }));
  for (const db of of('database')) {
    if (db.role === 'standby') {
      facts.push(t('arch.fact.standby', { id: s(db.parent), az: s(db.azs?.[0]) }));
    } else if (db.role === 'replica') {
      const source = snapshot.edges.find((e) => e.kind === 'async' && e.to === db.id)?.from;
      facts.push(t('arch.fact.replica', { id: db.id, source: s(source), az: s(db.azs?.[0]) }));
    } else {
      facts.push(
        t('arch.fact.db', {
          role: t(db.role === 'cluster-member' ? 'arch.db.cluster-member' : 'arch.db.primary'),
          id: db.id,
          engine: s(db.name),
          az: s(db.azs?.[0]),
          multiAz: db.facts?.MultiAZ === true ? t('arch.fact.multiAz') : '',
        }),
      );
    }
  }
  for (const c of of('cache-node')) {
    facts.push(t('arch.fact.cache', { id: c.id, group: s(c.parent), role: s(c.role), az: s(c.azs?.[0]) }));
  }
  for (const b of of('bucket')) {
    facts.push(t('arch.fact.bucket', { id: b.id, role: b.role === 'static' ? ` (${t('arch.bucket.static')})` : '' }));
  }
  for (const d of of('distribution')) {
    const origins = snapshot.edges.filter((e) => e.kind === 'origin' && e.from === d.id).map((e) => e.to);
    facts.push(
      t('arch.fact.distribution', { id: d.id, domain: s(d.name), origins: origins.join(', ') || t('arch.fact.none') }),
    );
  }
  for (const q of of('queue')) {
    const dlq = snapshot.edges.find((e) => e.kind === 'dead-letter' && e.from === q.id)?.to;
    facts.push(t('arch.fact.queue', { id: q.id, dlq: dlq ? t('arch.fact.queueDlq', { dlq }) : '' }));
  }
  for (const x of of('table')) facts.push(t('arch.fact.table', { id: x.id }));
  return facts;
}
