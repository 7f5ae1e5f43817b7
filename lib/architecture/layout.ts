import type { ArchEdge, ArchitectureSnapshot, ArchNode } from './model';

/**
 * Where everything goes, in the stage diagrams' grammar (components/diagrams): Region → VPC → one column per
 * Availability Zone, each with a public and a private subnet row; load balancers span the AZ columns they have
 * nodes in, Auto Scaling groups frame their instances across AZs, a Multi-AZ database's standby sits in its own AZ.
 * Outside the VPC: users and the internet gateway on the left, CloudFront above the Region, buckets, queues and
 * tables in a column on the right. A fixed grid, no graph-layout library: every stage's architecture fits it.
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export type Point = readonly [number, number];

export type Tier = 'public' | 'private';

export interface FrameBox extends Rect {
  kind: 'region' | 'vpc' | 'az' | Tier | 'group';
  /** az: the AZ name; public / private: the subnets merged into the frame; group: the Auto Scaling group. */
  az?: string;
  subnetIds?: string[];
  nodeId?: string;
}

export interface NodeBox extends Rect {
  node: ArchNode;
}

export interface EdgePath {
  edge: ArchEdge;
  points: Point[];
}

export interface ArchitectureLayout {
  width: number;
  height: number;
  frames: FrameBox[];
  boxes: NodeBox[];
  paths: EdgePath[];
  users: Rect;
  igw: Rect | null;
}

const COL_W = 240;
const COL_GAP = 10;
const SIDE_W = 150;
const INSET = 8;
const GAP = 8;
const size = {
  instance: { w: 104, h: 40 },
  eip: { w: 104, h: 22 },
  lb: { h: 34 },
  tg: { h: 20 },
  db: { w: 150, h: 44 },
  cache: { w: 150, h: 34 },
  side: { w: SIDE_W, h: 40 },
};

const inVpcKinds = new Set(['instance', 'auto-scaling-group', 'load-balancer', 'database', 'cache-node']);
const dbOrder = ['primary', 'cluster-member', 'standby', 'replica'];

/** Which subnet row a node belongs in: its subnets' (public if any is public), else private when the AZ has one. */
function tierOf(s: ArchitectureSnapshot, n: ArchNode): Tier {
  const subnets = s.subnets.filter((x) => n.subnetIds?.includes(x.id));
  if (subnets.length) return subnets.some((x) => x.public) ? 'public' : 'private';
  if (n.kind === 'load-balancer') return n.role === 'internal' ? 'private' : 'public';
  const az = n.azs?.[0];
  return s.subnets.some((x) => x.az === az && !x.public) || !s.subnets.some((x) => x.public) ? 'private' : 'public';
}

/** Lay the snapshot out. Pure: the same snapshot always gives the same picture. */
export function layoutArchitecture(s: ArchitectureSnapshot): ArchitectureLayout {
  const nodes = s.nodes;
  const azs = [
    ...new Set([...s.azs, ...nodes.filter((n) => inVpcKinds.has(n.kind)).flatMap((n) => n.azs ?? [])]),
  ].sort();
  const columns = azs.length ? azs : ['?'];
  const distributions = nodes.filter((n) => n.kind === 'distribution');
  const side = [
    ...nodes.filter((n) => n.kind === 'bucket'),
    ...nodes.filter((n) => n.kind === 'queue'),
    ...nodes.filter((n) => n.kind === 'table'),
  ];

  const top = distributions.length ? 16 + size.side.h + 44 : 16;
  const regionX = 140;
  const vpcX = regionX + 26;
  const colX = (i: number) => vpcX + 24 + i * (COL_W + COL_GAP);
  const colOf = (az: string | undefined) => Math.max(0, columns.indexOf(az ?? ''));
  const vpcW = 24 + columns.length * COL_W + (columns.length - 1) * COL_GAP + 14;
  const vpcY = top + 28;
  const azY = vpcY + 26;

  const frames: FrameBox[] = [];
  const boxes: NodeBox[] = [];
  const place = (node: ArchNode, r: Rect) => boxes.push({ node, ...r });

  // ---- the subnet rows, band by band: load balancers, groups of instances, lone instances, databases, caches.
  const tiers: Tier[] = (['public', 'private'] as const).filter(
    (t) =>
      s.subnets.some((x) => x.public === (t === 'public')) ||
      nodes.some((n) => inVpcKinds.has(n.kind) && tierOf(s, n) === t),
  );
  let y = azY + 24;
  const rows: { tier: Tier; y: number; h: number }[] = [];
  for (const tier of tiers) {
    const rowY = y;
    y += 22;
    const here = (n: ArchNode) => inVpcKinds.has(n.kind) && tierOf(s, n) === tier;

    for (const lb of nodes.filter((n) => n.kind === 'load-balancer' && here(n))) {
      const cols = (lb.azs?.length ? lb.azs : [columns[0]]).map(colOf);
      const x = colX(Math.min(...cols)) + INSET + 6;
      const w = colX(Math.max(...cols)) + COL_W - INSET - 6 - x;
      place(lb, { x, y, w, h: size.lb.h });
      const groups = nodes.filter((n) => n.kind === 'target-group' && n.parent === lb.id);
      const tgW = groups.length ? (w - 16 - (groups.length - 1) * GAP) / groups.length : 0;
      groups.forEach((tg, i) => {
        place(tg, { x: x + 8 + i * (tgW + GAP), y: y + size.lb.h + 4, w: tgW, h: size.tg.h });
      });
      y += size.lb.h + (groups.length ? size.tg.h + 4 : 0) + 18;
    }

    const asgs = nodes.filter((n) => n.kind === 'auto-scaling-group' && here(n));
    const instances = nodes.filter((n) => n.kind === 'instance' && here(n));
    const bands: { group?: ArchNode; members: ArchNode[] }[] = [
      ...asgs.map((g) => ({ group: g, members: instances.filter((i) => i.parent === g.id) })),
      { members: instances.filter((i) => !i.parent || !asgs.some((g) => g.id === i.parent)) },
    ];
    for (const band of bands) {
      if (!band.group && !band.members.length) continue;
      const pad = band.group ? 8 : 0;
      let bandH = 0;
      columns.forEach((_, c) => {
        const cell = band.members.filter((m) => colOf(m.azs?.[0]) === c);
        const perRow = Math.max(1, Math.floor((COL_W - 2 * INSET - 2 * pad + GAP) / (size.instance.w + GAP)));
        let rowTop = y + pad;
        for (let i = 0; i < cell.length; i += perRow) {
          const chunk = cell.slice(i, i + perRow);
          const withEip = chunk.some((m) => nodes.some((n) => n.kind === 'elastic-ip' && n.parent === m.id));
          const blockH = size.instance.h + (withEip ? size.eip.h + 6 : 0);
          chunk.forEach((m, j) => {
            const x = colX(c) + INSET + pad + 4 + j * (size.instance.w + GAP);
            const eip = nodes.find((n) => n.kind === 'elastic-ip' && n.parent === m.id);
            if (eip) place(eip, { x, y: rowTop, w: size.eip.w, h: size.eip.h });
            place(m, { x, y: rowTop + (withEip ? size.eip.h + 6 : 0), ...size.instance });
          });
          rowTop += blockH + GAP;
        }
        bandH = Math.max(bandH, rowTop - GAP - y + pad);
      });
      if (band.group) {
        bandH = Math.max(bandH, size.instance.h + 2 * pad) + 14; // room for the group's label under its instances
        const cols = (band.group.azs?.length ? band.group.azs : columns).map(colOf);
        const x = colX(Math.min(...cols)) + INSET + 2;
        const w = colX(Math.max(...cols)) + COL_W - INSET - 2 - x;
        frames.push({ kind: 'group', x, y, w, h: bandH, nodeId: band.group.id });
        place(band.group, { x, y: y + bandH - 16, w: Math.min(w, 220), h: 16 });
      }
      y += bandH + 14;
    }

    const stacked = (kind: 'database' | 'cache-node', dim: { w: number; h: number }) => {
      const list = nodes
        .filter((n) => n.kind === kind && here(n))
        .sort((a, b) => dbOrder.indexOf(a.role ?? '') - dbOrder.indexOf(b.role ?? ''));
      if (!list.length) return;
      let bandH = 0;
      columns.forEach((_, c) => {
        const cell = list.filter((n) => colOf(n.azs?.[0]) === c);
        cell.forEach((n, i) => {
          place(n, { x: colX(c) + (COL_W - dim.w) / 2, y: y + i * (dim.h + 14), ...dim });
        });
        bandH = Math.max(bandH, cell.length * (dim.h + 14) - 14);
      });
      y += bandH + 16;
    };
    stacked('database', size.db);
    stacked('cache-node', size.cache);

    const h = Math.max(y - rowY, 56) + 2;
    rows.push({ tier, y: rowY, h });
    y = rowY + h + 10;
  }
  const azH = Math.max(y - azY, 80);
  columns.forEach((az, c) => {
    frames.push({ kind: 'az', az, x: colX(c), y: azY, w: COL_W, h: azH });
    for (const row of rows) {
      const subnetIds = s.subnets.filter((x) => x.az === az && x.public === (row.tier === 'public')).map((x) => x.id);
      if (subnetIds.length)
        frames.push({ kind: row.tier, az, subnetIds, x: colX(c) + INSET, y: row.y, w: COL_W - 2 * INSET, h: row.h });
    }
  });
  const vpcH = azY + azH + 14 - vpcY;
  frames.unshift({ kind: 'vpc', x: vpcX, y: vpcY, w: vpcW, h: vpcH });

  // ---- outside the VPC: the right column (inside the Region), CloudFront above it, users and the IGW on the left.
  const sideX = vpcX + vpcW + 20;
  let sideY = vpcY;
  for (const n of side) {
    place(n, { x: sideX, y: sideY, ...size.side });
    sideY += size.side.h + 16;
  }
  const regionRight = side.length ? sideX + SIDE_W + 14 : vpcX + vpcW + 14;
  const regionBottom = Math.max(vpcY + vpcH, sideY) + 14;
  frames.unshift({ kind: 'region', x: regionX, y: top, w: regionRight - regionX, h: regionBottom - top });
  distributions.forEach((d, i) => {
    place(d, { x: 16 + i * (SIDE_W + 16), y: 16, ...size.side });
  });

  const publicRow = rows.find((r) => r.tier === 'public');
  const entry = boxes.find((b) => b.node.kind === 'load-balancer' && b.node.role === 'internet-facing');
  const entryEip = boxes.find((b) => b.node.kind === 'elastic-ip');
  const igwCy = entry ? entry.y + entry.h / 2 : entryEip ? entryEip.y + entryEip.h / 2 : (publicRow?.y ?? vpcY) + 40;
  const igw = s.internetGateway && publicRow ? { x: vpcX - 22, y: igwCy - 23, w: 44, h: 46 } : null;
  const users = { x: 16, y: (igw ? igwCy : vpcY + 40) - 24, w: 92, h: 48 };

  const paths = routeEdges(s.edges, boxes, { laneTop: 16 + size.side.h + 10 });
  const width = Math.max(regionRight, ...boxes.map((b) => b.x + b.w)) + 16;
  return { width, height: regionBottom + 16, frames, boxes, paths, users, igw };
}

/** Orthogonal connections between the boxes an edge joins; edges to something not drawn are left out. */
function routeEdges(edges: ArchEdge[], boxes: NodeBox[], opts: { laneTop: number }): EdgePath[] {
  const boxOf = new Map(boxes.map((b) => [b.node.id, b]));
  let lane = 0;
  const out: EdgePath[] = [];
  for (const edge of edges) {
    const a = boxOf.get(edge.from);
    const b = boxOf.get(edge.to);
    // A target group sits right under its load balancer: that relation needs no line.
    if (!a || !b || edge.kind === 'serves') continue;
    if (edge.kind === 'origin') {
      // From CloudFront (above the Region) along a lane in the gap, down into the origin's top edge.
      const laneY = opts.laneTop + (lane++ % 4) * 6;
      const ax = a.x + a.w / 2;
      const bx = b.node.kind === 'load-balancer' ? b.x + b.w - 24 : b.x + b.w / 2;
      out.push({
        edge,
        points: [
          [ax, a.y + a.h],
          [ax, laneY],
          [bx, laneY],
          [bx, b.y],
        ],
      });
      continue;
    }
    out.push({ edge, points: connect(a, b) });
  }
  return out;
}

/** Side by side: a straight line between the facing edges; one above the other: down, across, down. */
export function connect(a: Rect, b: Rect): Point[] {
  const overlapTop = Math.max(a.y, b.y);
  const overlapBottom = Math.min(a.y + a.h, b.y + b.h);
  if (overlapBottom - overlapTop >= 8 && (a.x + a.w <= b.x || b.x + b.w <= a.x)) {
    const yMid = (overlapTop + overlapBottom) / 2;
    return a.x + a.w <= b.x
      ? [
          [a.x + a.w, yMid],
          [b.x, yMid],
        ]
      : [
          [a.x, yMid],
          [b.x + b.w, yMid],
        ];
  }
  const [upper, lower, flip] = a.y <= b.y ? [a, b, false] : [b, a, true];
  const ux = upper.x + upper.w / 2;
  const lx = lower.x + lower.w / 2;
  const y0 = upper.y + upper.h;
  const y1 = lower.y;
  const pts: Point[] =
    ux === lx || Math.abs(ux - lx) < 2
      ? [
          [ux, y0],
          [ux, y1],
        ]
      : [
          [ux, y0],
          [ux, (y0 + y1) / 2],
          [lx, (y0 + y1) / 2],
          [lx, y1],
        ];
  return flip ? pts.reverse() : pts;
}
