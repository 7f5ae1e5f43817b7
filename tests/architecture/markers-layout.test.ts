/**
 * Failing checks marked on the elements they judged, and the layout: each stage's real check results on the
 * sandbox deploys, then where the layout puts every element.
 */
import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { capSnapshot } from '@/lib/architecture/cap';
import { connect, layoutArchitecture, type Rect } from '@/lib/architecture/layout';
import { failureMarkers } from '@/lib/architecture/markers';
import type { ArchitectureSnapshot } from '@/lib/architecture/model';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { deployIntoSandbox, STACK, templateText } from '../content/harness-support';
import { ofKind } from './support';

/** Deploy `file` of `deployed` (after `mutate`), run `judged`'s checks, snapshot the same Inventory. */
async function judge(
  deployed: StageId,
  file: 'start.yaml' | 'solution.yaml',
  judged: StageId = deployed,
  mutate: (body: string) => string = (b) => b,
) {
  const { clients } = await deployIntoSandbox(mutate(templateText(deployed, file) ?? ''));
  const inventory = new Inventory(clients, { stackName: STACK });
  const checks = getLab(judged).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
  const [results, snapshot] = await Promise.all([evaluateChecks(checks, inventory), architectureSnapshot(inventory)]);
  return { results, snapshot, markers: failureMarkers(snapshot, results) };
}

const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('failing checks on the diagram', () => {
  it('marks nothing when the stage passes', async () => {
    const { results, markers } = await judge('02-high-availability', 'solution.yaml');
    expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(markers).toEqual({ byElement: {}, unplaced: [] });
  });

  it('marks the single-AZ database on stage 02’s start; the missing ALB and its chain are unplaced', async () => {
    const { snapshot, markers } = await judge('02-high-availability', 'start.yaml');
    const [db] = ofKind(snapshot, 'database', 'primary');
    expect(Object.keys(markers.byElement)).toEqual([db?.id]);
    expect(markers.byElement[db?.id ?? '']?.map((m) => m.checkId)).toEqual(['rds.multi-az']);
    expect(markers.byElement[db?.id ?? '']?.[0]?.evidence[0]?.values).toMatchObject({ MultiAZ: false });
    expect(markers.unplaced.map((m) => m.checkId)).toEqual(
      expect.arrayContaining(['elb.alb-multi-az', 'elb.targets-multi-az', 'sg.chain-alb-web-db']),
    );
  });

  it('marks the web instance whose security group opens SSH to the world (stage 00, mutated)', async () => {
    const { snapshot, markers } = await judge('00-one-user', 'solution.yaml', '00-one-user', (b) =>
      b.replace(
        'Description: HTTP from the internet',
        'Description: HTTP from the internet\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }',
      ),
    );
    const [web] = ofKind(snapshot, 'instance', 'web');
    const marker = markers.byElement[web?.id ?? '']?.find((m) => m.checkId === 'sg.no-open-admin-ports');
    expect(marker?.evidence).toEqual([
      expect.objectContaining({ type: 'AWS::EC2::SecurityGroup', values: expect.objectContaining({ port: 22 }) }),
    ]);
    // Launched at t3.micro and not scaled up yet: that check judged the same instance.
    expect(markers.byElement[web?.id ?? '']?.map((m) => m.checkId)).toContain('ec2.scaled-up');
  });

  it('puts a URL’s failure on the Elastic IP or load balancer it names, and a subnet’s on the subnet', () => {
    const snapshot: ArchitectureSnapshot = {
      version: 1,
      takenAt: '2026-11-23T10:00:00Z',
      region: 'us-east-1',
      vpc: { id: 'vpc-1' },
      internetGateway: 'igw-1',
      azs: ['us-east-1a'],
      subnets: [{ id: 'subnet-1', az: 'us-east-1a', public: true }],
      nodes: [
        { id: 'i-1', kind: 'instance', azs: ['us-east-1a'], subnetIds: ['subnet-1'], refs: ['sg-web'] },
        { id: 'eipalloc-1', kind: 'elastic-ip', name: '203.0.113.10', refs: ['203.0.113.10'], parent: 'i-1' },
      ],
      edges: [],
      unread: [],
    };
    const message = { en: 'x.', ko: 'x.' };
    const markers = failureMarkers(snapshot, [
      {
        id: 'http.app-responds',
        status: 'fail',
        message,
        evidence: [{ id: 'http://203.0.113.10/', type: 'URL', values: {} }],
      },
      {
        id: 'rds.private-subnets',
        status: 'fail',
        message,
        evidence: [{ id: 'subnet-1', type: 'AWS::EC2::Subnet', values: {} }],
      },
      {
        id: 'sg.no-open-admin-ports',
        status: 'fail',
        message,
        evidence: [{ id: 'sg-web', type: 'AWS::EC2::SecurityGroup', values: {} }],
      },
      {
        id: 'sg.unused',
        status: 'fail',
        message,
        evidence: [{ id: 'sg-other', type: 'AWS::EC2::SecurityGroup', values: {} }],
      },
      { id: 'ec2.passes', status: 'pass', message, evidence: [{ id: 'i-1', type: 'AWS::EC2::Instance', values: {} }] },
    ]);
    expect(Object.fromEntries(Object.entries(markers.byElement).map(([k, v]) => [k, v.map((m) => m.checkId)]))).toEqual(
      {
        'eipalloc-1': ['http.app-responds'],
        'subnet-1': ['rds.private-subnets'],
        'i-1': ['sg.no-open-admin-ports'],
      },
    );
    expect(markers.unplaced.map((m) => m.checkId)).toEqual(['sg.unused']);
  });
});

describe('the layout', () => {
  it('stage 00: one AZ column, the Elastic IP above its instance in the public subnet, users level with the IGW', async () => {
    const { snapshot } = await judge('00-one-user', 'solution.yaml');
    const l = layoutArchitecture(snapshot);
    expect(l.frames.filter((f) => f.kind === 'az')).toHaveLength(1);
    const pub = l.frames.find((f) => f.kind === 'public');
    const eip = l.boxes.find((b) => b.node.kind === 'elastic-ip');
    const web = l.boxes.find((b) => b.node.kind === 'instance');
    if (!pub || !eip || !web || !l.igw) throw new Error('missing element');
    expect(inside(eip, pub) && inside(web, pub)).toBe(true);
    expect(eip.y + eip.h).toBeLessThan(web.y);
    expect(l.users.y + l.users.h / 2).toBe(l.igw.y + l.igw.h / 2);
  });

  it('stage 04: the ALB spans both AZs, instances sit in their AZ, standby and primary side by side, nothing overlaps', async () => {
    const { snapshot } = await judge('04-cache-automate-secure', 'solution.yaml');
    const l = layoutArchitecture(snapshot);
    const azs = l.frames.filter((f) => f.kind === 'az');
    expect(azs.map((f) => f.az)).toEqual(snapshot.azs);
    const lb = l.boxes.find((b) => b.node.kind === 'load-balancer');
    if (!lb) throw new Error('no load balancer');
    for (const az of azs) expect(overlap(lb, az)).toBe(true);
    for (const b of l.boxes.filter((x) => ['instance', 'database', 'cache-node'].includes(x.node.kind))) {
      const az = azs.find((f) => f.az === b.node.azs?.[0]);
      const subnet = l.frames.find(
        (f) => (f.kind === 'public' || f.kind === 'private') && f.az === az?.az && inside(b, f),
      );
      expect(subnet, `${b.node.kind} ${b.node.id} inside a subnet of its AZ`).toBeDefined();
    }
    const group = l.frames.find((f) => f.kind === 'group');
    for (const i of l.boxes.filter((b) => b.node.kind === 'instance')) expect(group && inside(i, group)).toBe(true);
    const sync = l.paths.find((p) => p.edge.kind === 'sync');
    expect(sync?.points).toHaveLength(2);
    expect(sync?.points[0]?.[1]).toBe(sync?.points[1]?.[1]);
    // No two drawn resources overlap (the group's label sits in its frame, the target group under its ALB).
    const solid = l.boxes.filter((b) => b.node.kind !== 'auto-scaling-group');
    for (const [i, a] of solid.entries())
      for (const b of solid.slice(i + 1)) expect(overlap(a, b), `${a.node.id} × ${b.node.id}`).toBe(false);
    for (const b of l.boxes) expect(b.x + b.w <= l.width && b.y + b.h <= l.height).toBe(true);
    // Outside the VPC: the bucket and the table in the right column, CloudFront above the Region.
    const region = l.frames.find((f) => f.kind === 'region');
    const cdn = l.boxes.find((b) => b.node.kind === 'distribution');
    if (!region || !cdn) throw new Error('missing element');
    expect(cdn.y + cdn.h).toBeLessThan(region.y);
    expect(l.paths.find((p) => p.edge.kind === 'origin')?.points.at(-1)?.[1]).toBe(
      l.boxes.find((b) => b.node.kind === 'bucket')?.y,
    );
  });

  it('connects boxes side by side with one straight line, and boxes one above the other down-across-down', () => {
    expect(connect({ x: 0, y: 0, w: 10, h: 10 }, { x: 20, y: 0, w: 10, h: 10 })).toEqual([
      [10, 5],
      [20, 5],
    ]);
    expect(connect({ x: 0, y: 0, w: 10, h: 10 }, { x: 40, y: 30, w: 10, h: 10 })).toEqual([
      [5, 10],
      [5, 20],
      [45, 20],
      [45, 30],
    ]);
  });
});

describe('the size cap', () => {
  it('keeps a lab as it is, and trims a crowded account to the limit, saying how many were left out', async () => {
    const { snapshot } = await judge('02-high-availability', 'solution.yaml');
    expect(capSnapshot(snapshot)).toBe(snapshot);
    const [web] = ofKind(snapshot, 'instance');
    if (!web) throw new Error('no instance');
    const crowded = {
      ...snapshot,
      nodes: [
        ...snapshot.nodes,
        ...Array.from({ length: 500 }, (_, i) => ({ ...web, id: `i-${i}`, name: 'x'.repeat(80) })),
      ],
    };
    const capped = capSnapshot(crowded, 16 * 1024);
    expect(Buffer.byteLength(JSON.stringify(capped))).toBeLessThanOrEqual(16 * 1024);
    expect(capped.omitted?.instance).toBeGreaterThan(400);
    expect(ofKind(capped, 'load-balancer')).toHaveLength(1);
    expect(capped.edges.every((e) => capped.nodes.some((n) => n.id === e.to))).toBe(true);
  });
});
