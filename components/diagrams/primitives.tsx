import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';

/**
 * Building blocks for the architecture diagrams: plain SVG, no client code, no ids to collide.
 * Text and outlines use currentColor (the page's text colour), accents are mid-tone hues at low opacity,
 * so every diagram reads the same on a light and a dark page.
 */
export interface DiagramProps {
  locale: Locale;
}

/** Accent hues by role, readable on white and on slate-900. */
export const hue = {
  compute: '#f97316',
  database: '#3b82f6',
  network: '#8b5cf6',
  edge: '#a855f7',
  storage: '#22c55e',
  messaging: '#ec4899',
  management: '#14b8a6',
  security: '#ef4444',
  neutral: 'currentColor',
} as const;
export type Hue = keyof typeof hue;

type Point = readonly [number, number];

export function DiagramSvg({
  width,
  height,
  title,
  description,
  children,
}: {
  width: number;
  height: number;
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      className="mx-auto block h-auto max-w-4xl text-slate-800 dark:text-slate-100"
      fontFamily="ui-sans-serif, system-ui, -apple-system, 'Segoe UI', 'Apple SD Gothic Neo', 'Noto Sans KR', sans-serif"
      fontSize={12}
    >
      <title>{title}</title>
      <desc>{description}</desc>
      {children}
    </svg>
  );
}

const zoneStyle = {
  region: { stroke: 'currentColor', strokeOpacity: 0.55, dash: undefined, fill: 'none', fillOpacity: 0, width: 1.25 },
  vpc: { stroke: hue.network, strokeOpacity: 1, dash: undefined, fill: hue.network, fillOpacity: 0.04, width: 1.5 },
  az: { stroke: 'currentColor', strokeOpacity: 0.6, dash: '6 4', fill: 'none', fillOpacity: 0, width: 1 },
  public: { stroke: '#10b981', strokeOpacity: 1, dash: undefined, fill: '#10b981', fillOpacity: 0.08, width: 1 },
  private: { stroke: hue.database, strokeOpacity: 1, dash: undefined, fill: hue.database, fillOpacity: 0.07, width: 1 },
  group: { stroke: hue.compute, strokeOpacity: 1, dash: '5 3', fill: 'none', fillOpacity: 0, width: 1.25 },
  sg: { stroke: hue.security, strokeOpacity: 0.9, dash: '3 3', fill: 'none', fillOpacity: 0, width: 1 },
} as const;
export type ZoneKind = keyof typeof zoneStyle;

/** A container: Region, VPC, Availability Zone, subnet, Auto Scaling group, security group. */
export function Zone({
  x,
  y,
  w,
  h,
  kind,
  label,
  labelAt = 'top',
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  kind: ZoneKind;
  label?: string;
  labelAt?: 'top' | 'bottom';
}) {
  const s = zoneStyle[kind];
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={kind === 'region' || kind === 'vpc' ? 10 : 6}
        fill={s.fill}
        fillOpacity={s.fillOpacity}
        stroke={s.stroke}
        strokeOpacity={s.strokeOpacity}
        strokeWidth={s.width}
        strokeDasharray={s.dash}
      />
      {label ? (
        <text
          x={x + 8}
          y={labelAt === 'top' ? y + 15 : y + h - 7}
          fill="currentColor"
          fontSize={kind === 'sg' || kind === 'group' ? 10.5 : 11}
          fontWeight={kind === 'region' || kind === 'vpc' ? 700 : 600}
          opacity={kind === 'sg' ? 0.85 : 1}
        >
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A service or resource: a tinted, outlined box with a bold label and an optional smaller second line. */
export function Box({
  x,
  y,
  w,
  h,
  label,
  sub,
  tone = 'neutral',
  dashed = false,
  align = 'center',
}: {
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  sub?: string;
  tone?: Hue;
  dashed?: boolean;
  align?: 'center' | 'top';
}) {
  const color = hue[tone];
  const cx = x + w / 2;
  const labelY = align === 'top' ? y + 16 : sub ? y + h / 2 - 6 : y + h / 2;
  return (
    <g>
      {/* An opaque backing in the page colour, so lines and borders behind a box never show through its tint. */}
      <rect x={x} y={y} width={w} height={h} rx={6} fill="#ffffff" className="fill-white dark:fill-slate-950" />
      <rect
        x={x}
        y={y}
        width={w}
        height={h}
        rx={6}
        fill={color}
        fillOpacity={tone === 'neutral' ? 0.05 : 0.14}
        stroke={color}
        strokeOpacity={tone === 'neutral' ? 0.7 : 1}
        strokeWidth={1.5}
        strokeDasharray={dashed ? '5 3' : undefined}
      />
      <text
        x={cx}
        y={labelY}
        textAnchor="middle"
        dominantBaseline="central"
        fill="currentColor"
        fontWeight={600}
        fontSize={12}
      >
        {label}
      </text>
      {sub ? (
        <text
          x={cx}
          y={align === 'top' ? y + 31 : y + h / 2 + 9}
          textAnchor="middle"
          dominantBaseline="central"
          fill="currentColor"
          fontSize={10.5}
          opacity={0.8}
        >
          {sub}
        </text>
      ) : null}
    </g>
  );
}

/** A line of free text: captions and footnotes. */
export function Note({
  x,
  y,
  children,
  anchor = 'start',
  size = 11,
  weight = 400,
  muted = false,
}: {
  x: number;
  y: number;
  children: string;
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  weight?: number;
  muted?: boolean;
}) {
  return (
    <text
      x={x}
      y={y}
      textAnchor={anchor}
      fill="currentColor"
      fontSize={size}
      fontWeight={weight}
      opacity={muted ? 0.75 : 1}
    >
      {children}
    </text>
  );
}

function head(tip: Point, from: Point, size = 7): string {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const spread = Math.PI / 7;
  const a: Point = [tip[0] - size * Math.cos(angle - spread), tip[1] - size * Math.sin(angle - spread)];
  const b: Point = [tip[0] - size * Math.cos(angle + spread), tip[1] - size * Math.sin(angle + spread)];
  return `M${tip[0]} ${tip[1]} L${a[0].toFixed(1)} ${a[1].toFixed(1)} L${b[0].toFixed(1)} ${b[1].toFixed(1)} Z`;
}

/**
 * A connection through the given points, with an arrowhead at the end (and at the start when `both`).
 * `label` sits at `labelAt` (defaults to the middle of the first segment), slightly above the line.
 */
export function Arrow({
  points,
  label,
  labelAt,
  labelAnchor = 'middle',
  dashed = false,
  both = false,
  tone = 'neutral',
}: {
  points: readonly Point[];
  label?: string;
  labelAt?: Point;
  labelAnchor?: 'start' | 'middle' | 'end';
  dashed?: boolean;
  both?: boolean;
  tone?: Hue;
}) {
  const color = hue[tone];
  const first = points[0];
  const second = points[1];
  const last = points[points.length - 1];
  const beforeLast = points[points.length - 2];
  if (!first || !second || !last || !beforeLast) return null;
  const at: Point = labelAt ?? [(first[0] + second[0]) / 2, (first[1] + second[1]) / 2 - 6];
  return (
    <g>
      <polyline
        points={points.map((p) => p.join(',')).join(' ')}
        fill="none"
        stroke={color}
        strokeOpacity={tone === 'neutral' ? 0.75 : 1}
        strokeWidth={1.5}
        strokeDasharray={dashed ? '5 4' : undefined}
        strokeLinejoin="round"
      />
      <path d={head(last, beforeLast)} fill={color} fillOpacity={tone === 'neutral' ? 0.85 : 1} />
      {both ? <path d={head(first, second)} fill={color} fillOpacity={tone === 'neutral' ? 0.85 : 1} /> : null}
      {label ? (
        <text x={at[0]} y={at[1]} textAnchor={labelAnchor} fill="currentColor" fontSize={10.5} opacity={0.9}>
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** Labels every diagram shares. */
export const common = {
  en: {
    users: 'Users',
    region: 'AWS Region (us-east-1)',
    az: 'Availability Zone',
    azA: 'Availability Zone A',
    azB: 'Availability Zone B',
    public: 'Public subnet',
    private: 'Private subnet',
  },
  ko: {
    users: '사용자',
    region: 'AWS 리전 (us-east-1)',
    az: '가용 영역',
    azA: '가용 영역 A',
    azB: '가용 영역 B',
    public: '퍼블릭 서브넷',
    private: '프라이빗 서브넷',
  },
} as const;

/** Route 53 above the users box, top left; users sit at x 16–108, y 114–162 (their right edge is at y 138). */
export function UsersAndDns({ locale, optionalDns = false }: DiagramProps & { optionalDns?: boolean }) {
  return (
    <g>
      <Box x={16} y={28} w={110} h={44} label="Route 53" tone="network" dashed={optionalDns} />
      <Box x={16} y={114} w={92} h={48} label={common[locale].users} />
      <Arrow
        points={[
          [62, 114],
          [62, 72],
        ]}
        label="DNS"
        labelAt={[68, 98]}
        labelAnchor="start"
        dashed
      />
    </g>
  );
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The Region → VPC → two Availability Zones frame, each zone with a public subnet row and a private subnet row
 * (subnets are inset 8 from their zone's sides).
 */
export function TwoAzNetwork({
  locale,
  region,
  vpc,
  azs,
  publicRow,
  privateRow,
  privateLabelAt = 'top',
  inset = 8,
}: DiagramProps & {
  region: Rect;
  vpc: Rect;
  azs: readonly [Rect, Rect];
  publicRow: { y: number; h: number };
  privateRow: { y: number; h: number };
  privateLabelAt?: 'top' | 'bottom';
  inset?: number;
}) {
  const t = common[locale];
  return (
    <g>
      <Zone {...region} kind="region" label={t.region} />
      <Zone {...vpc} kind="vpc" label="VPC 10.0.0.0/16" />
      {azs.map((az, i) => (
        <g key={az.x}>
          <Zone {...az} kind="az" label={i === 0 ? t.azA : t.azB} />
          <Zone x={az.x + inset} w={az.w - 2 * inset} {...publicRow} kind="public" label={t.public} />
          <Zone
            x={az.x + inset}
            w={az.w - 2 * inset}
            {...privateRow}
            kind="private"
            label={t.private}
            labelAt={privateLabelAt}
          />
        </g>
      ))}
    </g>
  );
}
