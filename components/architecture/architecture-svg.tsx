import { Arrow, Box, hue, Zone } from '@/components/diagrams/primitives';
import type { ArchitectureLayout, EdgePath, FrameBox, NodeBox, Rect } from '@/lib/architecture/layout';
import type { ArchitectureSnapshot } from '@/lib/architecture/model';
import type { Translate } from '@/lib/i18n/messages';
import { nodeLabel } from './labels';

/** A failing-check marker: which tooltip describes it and what a screen reader announces on focus. */
export interface MarkerRef {
  tipId: string;
  count: number;
  label: string;
}

const tones = {
  instance: 'compute',
  'elastic-ip': 'network',
  'auto-scaling-group': 'compute',
  'load-balancer': 'network',
  'target-group': 'network',
  database: 'database',
  'cache-node': 'database',
  bucket: 'storage',
  distribution: 'edge',
  queue: 'messaging',
  table: 'database',
} as const;

/** The red badge on a judged element: focusable, described by its tooltip (aria-describedby). */
function Badge({ x, y, marker }: { x: number; y: number; marker: MarkerRef }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG badge cannot be a <button>; it toggles its tooltip by focus.
    <g
      role="button"
      tabIndex={0}
      aria-label={marker.label}
      aria-describedby={marker.tipId}
      data-tip={marker.tipId}
      data-arch-marker
      className="cursor-help focus:outline-2 focus:outline-offset-2 focus:outline-red-600"
    >
      <circle cx={x} cy={y} r={9} fill={hue.security} stroke="#ffffff" strokeWidth={1.5} />
      <text
        x={x}
        y={y + 0.5}
        textAnchor="middle"
        dominantBaseline="central"
        fill="#ffffff"
        fontSize={11}
        fontWeight={700}
      >
        {marker.count > 1 ? marker.count : '!'}
      </text>
    </g>
  );
}

const Highlight = ({ x, y, w, h }: Rect) => (
  <rect x={x - 3} y={y - 3} width={w + 6} height={h + 6} rx={8} fill="none" stroke={hue.security} strokeWidth={2} />
);

function frameLabel(f: FrameBox, s: ArchitectureSnapshot, t: Translate): string | undefined {
  if (f.kind === 'region') return t('arch.region', { region: s.region });
  if (f.kind === 'vpc') return t('arch.vpc', { id: s.vpc?.id ?? '?' });
  if (f.kind === 'az') return t('arch.az', { az: f.az ?? '?' });
  if (f.kind === 'public' || f.kind === 'private') {
    const ids = f.subnetIds ?? [];
    const cidr = ids.length === 1 ? s.subnets.find((x) => x.id === ids[0])?.cidr : undefined;
    return `${t(f.kind === 'public' ? 'arch.public' : 'arch.private')} ${cidr ?? (ids.length > 1 ? `(${t('arch.subnets', { n: ids.length })})` : '')}`.trim();
  }
  return undefined;
}

function NodeShape({ box, t, marker }: { box: NodeBox; t: Translate; marker: MarkerRef | undefined }) {
  const { node } = box;
  const { label, sub } = nodeLabel(node, t);
  const dim = node.state === 'stopped' || node.state === 'stopping' || node.state === 'missing';
  const small = node.kind === 'elastic-ip' || node.kind === 'target-group' || node.kind === 'auto-scaling-group';
  return (
    <g
      data-arch-node={node.id}
      data-kind={node.kind}
      data-role={node.role}
      data-failing={marker ? marker.count : undefined}
    >
      <title>{[node.id, node.name, node.state].filter(Boolean).join(' · ')}</title>
      {node.kind === 'auto-scaling-group' ? (
        <text x={box.x + 8} y={box.y + 11} fill="currentColor" fontSize={10.5} fontWeight={600}>
          {label}
        </text>
      ) : small ? (
        <g>
          <rect
            x={box.x}
            y={box.y}
            width={box.w}
            height={box.h}
            rx={box.h / 2}
            fill="#ffffff"
            className="fill-white dark:fill-slate-950"
          />
          <rect
            x={box.x}
            y={box.y}
            width={box.w}
            height={box.h}
            rx={box.h / 2}
            fill={hue.network}
            fillOpacity={0.12}
            stroke={hue.network}
            strokeWidth={1.25}
          />
          <text
            x={box.x + box.w / 2}
            y={box.y + box.h / 2}
            textAnchor="middle"
            dominantBaseline="central"
            fill="currentColor"
            fontSize={10.5}
          >
            {label}
          </text>
        </g>
      ) : (
        <Box
          {...box}
          label={label}
          sub={sub || undefined}
          tone={tones[node.kind]}
          dashed={dim || node.role === 'standby'}
        />
      )}
      {marker && node.kind !== 'auto-scaling-group' ? <Highlight {...box} /> : null}
      {marker ? <Badge x={box.x + box.w - 4} y={box.y + 2} marker={marker} /> : null}
    </g>
  );
}

function EdgeLine({ path, t }: { path: EdgePath; t: Translate }) {
  const { edge, points } = path;
  switch (edge.kind) {
    case 'target':
      return edge.state === 'healthy' ? <Arrow points={points} /> : <Arrow points={points} tone="security" dashed />;
    case 'sync':
      return <Arrow points={points} tone="database" label={t('arch.edge.sync')} />;
    case 'async':
      return <Arrow points={points} tone="database" dashed label={t('arch.edge.async')} />;
    case 'origin':
      return <Arrow points={points} tone="edge" label={edge.state === 'oac' ? t('arch.edge.oac') : undefined} />;
    case 'dead-letter':
      return <Arrow points={points} tone="messaging" dashed />;
    default:
      return <Arrow points={points} />;
  }
}

/** The deployed architecture, drawn with the stage diagrams' primitives; markers on the elements checks judged. */
export function ArchitectureSvg({
  snapshot,
  layout,
  markers,
  titleId,
  t,
}: {
  snapshot: ArchitectureSnapshot;
  layout: ArchitectureLayout;
  markers: Record<string, MarkerRef>;
  titleId: string;
  t: Translate;
}) {
  const entry =
    layout.boxes.find((b) => b.node.kind === 'load-balancer' && b.node.role === 'internet-facing') ??
    layout.boxes.find((b) => b.node.kind === 'elastic-ip');
  const { igw, users } = layout;
  const frameMarker = (f: FrameBox) =>
    f.kind === 'vpc' ? markers[snapshot.vpc?.id ?? ''] : (f.subnetIds ?? []).map((id) => markers[id]).find(Boolean);
  return (
    <svg
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      width="100%"
      aria-labelledby={titleId}
      className="mx-auto block h-auto text-slate-800 dark:text-slate-100"
      fontFamily="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif"
      fontSize={12}
      data-live-diagram-svg
    >
      <title id={titleId}>{t('arch.svgTitle', { region: snapshot.region })}</title>
      {layout.frames.map((f) => {
        const marker = frameMarker(f);
        const id = f.kind === 'vpc' ? snapshot.vpc?.id : f.subnetIds?.join(' ');
        return (
          <g key={`${f.kind}:${f.az ?? ''}:${f.nodeId ?? ''}:${f.y}`} data-arch-frame={f.kind} data-arch-element={id}>
            <Zone {...f} kind={f.kind} label={frameLabel(f, snapshot, t)} />
            {marker ? <Badge x={f.x + f.w - 12} y={f.y + 12} marker={marker} /> : null}
          </g>
        );
      })}
      <Box {...users} label={t('arch.users')} />
      {igw ? (
        <g>
          <Arrow
            points={[
              [users.x + users.w, users.y + users.h / 2],
              [igw.x, igw.y + igw.h / 2],
            ]}
            label="HTTP"
          />
          <Box {...igw} label="IGW" tone="network" />
          {entry ? (
            <Arrow
              points={[
                [igw.x + igw.w, igw.y + igw.h / 2],
                [entry.x, igw.y + igw.h / 2],
              ]}
            />
          ) : null}
        </g>
      ) : null}
      {layout.paths.map((p) => (
        <EdgeLine key={`${p.edge.kind}:${p.edge.from}:${p.edge.to}`} path={p} t={t} />
      ))}
      {layout.boxes.map((b) => (
        <NodeShape key={b.node.id} box={b} t={t} marker={markers[b.node.id]} />
      ))}
    </svg>
  );
}
