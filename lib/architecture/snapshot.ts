import { explainAwsError } from '@/lib/aws/errors';
import { type Inventory, tag } from '@/lib/inventory';
import { asgSubnetIds, attachedTargetGroups } from '@/lib/inventory/auto-scaling';
import { loadBalancerAzs } from '@/lib/inventory/load-balancing';
import { type ArchEdge, type ArchitectureSnapshot, type ArchNode, type ArchSubnet, SNAPSHOT_VERSION } from './model';
import { cachePart, databasePart, type Part, queuePart, storagePart, tablePart } from './snapshot-services';

const defined = <T>(xs: (T | undefined | null | '')[]): T[] => xs.filter((x): x is T => !!x);
const empty: Part = { nodes: [], edges: [] };

/** Read one part of the account; on an AWS error, record the part as unread and go on with the fallback. */
type Reader = <T>(part: string, load: () => Promise<T>, fallback: T) => Promise<T>;

/**
 * What is deployed, read from a check run's Inventory: the lab VPC's AZs and subnets, instances, Elastic IPs,
 * Auto Scaling groups, load balancers and target groups, databases, caches, and outside the VPC the static bucket,
 * distributions, queues and session tables. It only reads the Inventory (memoized describes the checks share), so
 * it works the same for the sandbox and real AWS; a part it cannot read (AccessDenied, throttling) is left out and
 * named in `unread`, never guessed.
 */
export async function architectureSnapshot(inv: Inventory, now: Date = new Date()): Promise<ArchitectureSnapshot> {
  const unread: ArchitectureSnapshot['unread'] = [];
  const read: Reader = async (part, load, fallback) => {
    try {
      return await load();
    } catch (err) {
      unread.push({ part, reason: explainAwsError(err).reason });
      return fallback;
    }
  };
  const base = {
    version: SNAPSHOT_VERSION,
    takenAt: now.toISOString(),
    region: inv.clients.region,
    internetGateway: null,
    azs: [],
    subnets: [],
    nodes: [],
    edges: [],
    unread,
  } satisfies Omit<ArchitectureSnapshot, 'vpc'>;
  const vpcId = await read('vpc', () => inv.vpcId(), undefined);
  if (!vpcId) return { ...base, vpc: null };
  // The second phase's describes start with the first: the groups and the storage wait for the first phase's nodes,
  // not for their own round-trips after it (their errors are met and recorded by the parts that read them).
  inv.prefetch(['autoScalingGroups', 'staticBucket', 'labDistributions']);

  const [network, compute, lbs, data, caches, queues, tables] = await Promise.all([
    read('subnets', () => networkPart(inv), { subnets: [] as ArchSubnet[], internetGateway: null as string | null }),
    read('instances', () => computePart(inv, read), empty),
    read('load-balancers', () => loadBalancerPart(inv, read), empty),
    read('databases', () => databasePart(inv), empty),
    read('caches', () => cachePart(inv), empty),
    read('queues', () => queuePart(inv), empty),
    read('tables', () => tablePart(inv), empty),
  ]);
  const groups = await read('auto-scaling-groups', () => groupPart(inv, compute.nodes), empty);
  const storage = await read(
    'storage',
    () =>
      storagePart(
        inv,
        lbs.nodes.filter((n) => n.kind === 'load-balancer'),
      ),
    empty,
  );
  const parts = [compute, groups, lbs, data, caches, storage, queues, tables];
  return {
    ...base,
    vpc: { id: vpcId },
    internetGateway: network.internetGateway,
    azs: [...new Set(network.subnets.map((s) => s.az))].sort(),
    subnets: network.subnets,
    nodes: parts.flatMap((p) => p.nodes),
    edges: parts.flatMap((p) => p.edges),
    unread: unread.filter((u, i) => unread.findIndex((v) => v.part === u.part) === i),
  };
}

/** Subnets with their AZ and whether they are public; the internet gateway their public routes use. */
async function networkPart(inv: Inventory): Promise<{ subnets: ArchSubnet[]; internetGateway: string | null }> {
  const [subnets, tables] = await Promise.all([inv.subnets(), inv.routeTables()]);
  const out = await Promise.all(
    subnets.map(
      async (s): Promise<ArchSubnet> => ({
        id: s.SubnetId ?? '?',
        az: s.AvailabilityZone ?? '?',
        ...(s.CidrBlock ? { cidr: s.CidrBlock } : {}),
        ...(tag(s.Tags, 'Name') ? { name: tag(s.Tags, 'Name') } : {}),
        public: s.SubnetId ? await inv.subnetIsPublic(s.SubnetId) : false,
      }),
    ),
  );
  const igw = tables
    .flatMap((t) => t.Routes ?? [])
    .map((r) => r.GatewayId)
    .find((g) => g?.startsWith('igw-'));
  // Sorted by AZ, then public first, then CIDR: a stable drawing order.
  out.sort(
    (a, b) =>
      a.az.localeCompare(b.az) || Number(b.public) - Number(a.public) || (a.cidr ?? a.id).localeCompare(b.cidr ?? b.id),
  );
  return { subnets: out, internetGateway: igw ?? null };
}

/** Instances (with their state, AZ, subnet, role and group) and the Elastic IPs associated with them. */
async function computePart(inv: Inventory, read: Reader): Promise<Part> {
  const [instances, addresses] = await Promise.all([inv.instances(), read('elastic-ips', () => inv.addresses(), [])]);
  const nodes = instances.map(
    (i): ArchNode => ({
      id: i.InstanceId ?? '?',
      kind: 'instance',
      ...(tag(i.Tags, 'Name') ? { name: tag(i.Tags, 'Name') } : {}),
      azs: defined([i.Placement?.AvailabilityZone]),
      subnetIds: defined([i.SubnetId]),
      ...(tag(i.Tags, 'scalelab:role') ? { role: tag(i.Tags, 'scalelab:role') } : {}),
      ...(i.State?.Name ? { state: i.State.Name } : {}),
      refs: defined([
        i.PrivateIpAddress,
        i.PublicIpAddress,
        ...(i.NetworkInterfaces ?? []).map((n) => n.PrivateIpAddress),
        ...(i.SecurityGroups ?? []).map((g) => g.GroupId),
      ]),
      ...(tag(i.Tags, 'aws:autoscaling:groupName') ? { parent: tag(i.Tags, 'aws:autoscaling:groupName') } : {}),
      facts: i.InstanceType ? { InstanceType: i.InstanceType } : {},
    }),
  );
  const ids = new Set(nodes.map((n) => n.id));
  const edges: ArchEdge[] = [];
  for (const a of addresses) {
    if (!a.InstanceId || !ids.has(a.InstanceId)) continue;
    const id = a.AllocationId ?? a.PublicIp ?? '?';
    const instance = nodes.find((n) => n.id === a.InstanceId);
    nodes.push({
      id,
      kind: 'elastic-ip',
      name: a.PublicIp,
      azs: instance?.azs ?? [],
      refs: defined([a.PublicIp, a.AssociationId]),
      parent: a.InstanceId,
    });
    edges.push({ from: id, to: a.InstanceId, kind: 'eip' });
  }
  return { nodes, edges };
}

/** Auto Scaling groups launching into the lab VPC, and which instances are theirs. */
async function groupPart(inv: Inventory, instances: ArchNode[]): Promise<Part> {
  const groups = await inv.autoScalingGroups();
  const nodes = groups.map((g): ArchNode => {
    const name = g.AutoScalingGroupName ?? '?';
    for (const member of g.Instances ?? []) {
      const node = instances.find((n) => n.id === member.InstanceId);
      if (node) node.parent = name;
    }
    return {
      id: name,
      kind: 'auto-scaling-group',
      azs: [...(g.AvailabilityZones ?? [])].sort(),
      subnetIds: asgSubnetIds(g),
      ...(tag(g.Tags, 'scalelab:role') ? { role: tag(g.Tags, 'scalelab:role') } : {}),
      refs: defined([g.AutoScalingGroupARN, ...attachedTargetGroups(g)]),
      facts: { MinSize: g.MinSize ?? 0, MaxSize: g.MaxSize ?? 0, DesiredCapacity: g.DesiredCapacity ?? 0 },
    };
  });
  return { nodes, edges: [] };
}

/** Load balancers (internet-facing or internal) in the lab VPC, their target groups and each target's health. */
async function loadBalancerPart(inv: Inventory, read: Reader): Promise<Part> {
  const lbs = await inv.loadBalancers();
  const nodes: ArchNode[] = [];
  const edges: ArchEdge[] = [];
  const seen = new Set<string>();
  for (const lb of lbs) {
    const id = lb.LoadBalancerName ?? lb.LoadBalancerArn ?? '?';
    nodes.push({
      id,
      kind: 'load-balancer',
      name: lb.DNSName,
      azs: loadBalancerAzs(lb),
      subnetIds: defined((lb.AvailabilityZones ?? []).map((z) => z.SubnetId)),
      role: lb.Scheme,
      state: lb.State?.Code,
      refs: defined([lb.LoadBalancerArn, lb.DNSName, ...(lb.SecurityGroups ?? [])]),
      facts: { Type: lb.Type ?? 'application' },
    });
    for (const { targetGroup, targets } of await read('target-groups', () => inv.albTargets(lb), [])) {
      const tgId = targetGroup.TargetGroupName ?? targetGroup.TargetGroupArn ?? '?';
      edges.push({ from: id, to: tgId, kind: 'serves' });
      if (seen.has(tgId)) continue;
      seen.add(tgId);
      nodes.push({
        id: tgId,
        kind: 'target-group',
        parent: id,
        refs: defined([targetGroup.TargetGroupArn]),
        facts: {
          Protocol: targetGroup.Protocol ?? 'HTTP',
          Port: targetGroup.Port ?? 80,
          healthy: targets.filter((t) => t.state === 'healthy').length,
          targets: targets.length,
        },
      });
      for (const t of targets)
        edges.push({ from: tgId, to: t.instance?.InstanceId ?? t.id, kind: 'target', state: t.state });
    }
  }
  return { nodes, edges };
}
