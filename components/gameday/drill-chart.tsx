import type { DrillEvent, DrillTick } from '@/lib/gameday/types';

const COLOURS = ['#2563eb', '#059669', '#7c3aed', '#db2777'];
const W = 640;
const H = 150;
const PAD = { left: 36, right: 8, top: 8, bottom: 20 };

interface Props {
  ticks: DrillTick[];
  events: DrillEvent[];
  seconds: number;
  azs: string[];
  labels: { requests: string; latency: string };
}

/** Scale helpers over the plot area. */
function axes(seconds: number, max: number) {
  const x = (t: number) => PAD.left + (t / Math.max(1, seconds)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / Math.max(1, max)) * (H - PAD.top - PAD.bottom);
  return { x, y };
}

function Frame({ seconds, max, unit }: { seconds: number; max: number; unit: string }) {
  const { x, y } = axes(seconds, max);
  const steps = [0, Math.round(seconds / 4), Math.round(seconds / 2), Math.round((3 * seconds) / 4), seconds];
  return (
    <g className="text-slate-500" fontSize="10" fill="currentColor">
      <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="currentColor" strokeWidth="1" />
      <text x={PAD.left - 4} y={y(max) + 8} textAnchor="end">
        {Math.round(max)}
      </text>
      <text x={PAD.left - 4} y={y(0)} textAnchor="end">
        0{unit}
      </text>
      {steps.map((t) => (
        <text key={t} x={x(t)} y={H - 6} textAnchor={t === seconds ? 'end' : 'middle'}>
          {t}s
        </text>
      ))}
    </g>
  );
}

function Markers({ events, seconds, max }: { events: DrillEvent[]; seconds: number; max: number }) {
  const { x, y } = axes(seconds, max);
  return (
    <g>
      {events
        .filter((e) => e.kind !== 'end')
        .map((e, i) => (
          <g key={`${e.t}-${e.kind}-${i}`}>
            <line
              x1={x(e.t)}
              x2={x(e.t)}
              y1={y(max)}
              y2={y(0)}
              stroke={e.kind === 'failure' ? '#dc2626' : e.kind === 'recovered' ? '#059669' : '#64748b'}
              strokeDasharray="3 3"
            />
            <text x={x(e.t) + 2} y={PAD.top + 8} fontSize="9" fill="currentColor">
              {i + 1}
            </text>
          </g>
        ))}
    </g>
  );
}

/** A 5 s rolling mean: a few requests a second split over two AZs alternate 3/2, which reads as noise. */
const smooth = (values: number[], span = 5) =>
  values.map((_, i) => {
    const window = values.slice(Math.max(0, i - span + 1), i + 1);
    return window.reduce((a, b) => a + b, 0) / window.length;
  });

const path = (points: [number, number][]) =>
  points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join('');

/** Two small SVG charts: requests per AZ with errors as bars, and latency per AZ; the drill's events as markers. */
export function DrillChart({ ticks, events, seconds, azs, labels }: Props) {
  const maxRps = Math.max(5, ...ticks.map((t) => t.requests));
  const latencies = ticks.flatMap((t) => Object.values(t.azs).map((a) => a.latencyMs ?? 0));
  const maxLatency = Math.max(50, ...latencies);
  const r = axes(seconds, maxRps);
  const l = axes(seconds, maxLatency);
  const barW = Math.max(1, (W - PAD.left - PAD.right) / Math.max(1, seconds));
  return (
    <div className="space-y-2">
      <figure>
        <figcaption className="text-xs text-slate-600 dark:text-slate-400">{labels.requests}</figcaption>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={labels.requests}>
          <Frame seconds={seconds} max={maxRps} unit="" />
          {ticks.map((t) => (
            <g key={t.t}>
              {t.errors > 0 && (
                <rect x={r.x(t.t)} y={r.y(t.errors)} width={barW} height={r.y(0) - r.y(t.errors)} fill="#dc2626" />
              )}
              {t.degraded > 0 && (
                <rect
                  x={r.x(t.t)}
                  y={r.y(t.errors + t.degraded)}
                  width={barW}
                  height={r.y(t.errors) - r.y(t.errors + t.degraded)}
                  fill="#f59e0b"
                />
              )}
            </g>
          ))}
          {azs.map((az, i) => (
            <path
              key={az}
              d={path(
                smooth(ticks.map((t) => t.azs[az]?.requests ?? 0)).map((v, i) => [r.x(ticks[i]?.t ?? i), r.y(v)]),
              )}
              fill="none"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth="1.5"
            />
          ))}
          <Markers events={events} seconds={seconds} max={maxRps} />
        </svg>
      </figure>
      <figure>
        <figcaption className="text-xs text-slate-600 dark:text-slate-400">{labels.latency}</figcaption>
        <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label={labels.latency}>
          <Frame seconds={seconds} max={maxLatency} unit="" />
          {azs.map((az, i) => (
            <path
              key={az}
              d={path(
                ticks
                  .filter((t) => t.azs[az]?.latencyMs != null)
                  .map((t) => [l.x(t.t), l.y(t.azs[az]?.latencyMs ?? 0)]),
              )}
              fill="none"
              stroke={COLOURS[i % COLOURS.length]}
              strokeWidth="1.5"
            />
          ))}
          <Markers events={events} seconds={seconds} max={maxLatency} />
        </svg>
      </figure>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-hidden="true">
        {azs.map((az, i) => (
          <li key={az} className="flex items-center gap-1">
            <span className="inline-block h-2 w-4" style={{ background: COLOURS[i % COLOURS.length] }} />
            {az}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const chartColours = COLOURS;
