import type { Hop, Outcome } from '@/lib/sandbox/data-plane/trace';
import type { RegionView } from '@/lib/sandbox/data-plane/view';
import { CAPACITY } from './model';

export interface Classified {
  kind: 'ok' | 'degraded' | 'error';
  /** The AZ of the instance that served or failed it; `none` when no instance was reached. */
  az: string;
  /** The instance that answered (for the per-instance load). */
  instanceId?: string;
  /** The hop that failed it (or degraded it). */
  cause?: Hop;
  /** Latency when idle, ms, from the hops it crossed. */
  baseMs: number;
}

/**
 * What one routed request means for the drill: answered in full, answered without its database call (the lab app
 * catches the error and still serves the page), or not answered (a load balancer 5xx, a timeout, a refusal).
 */
export function classify(view: RegionView, outcome: Outcome | undefined): Classified {
  if (!outcome) return { kind: 'error', az: 'none', baseMs: 0 };
  const azOf = (id: string) => view.instances.find((i) => i.InstanceId === id)?.Placement?.AvailabilityZone;
  const app = outcome.hops.find((h) => h.kind === 'app');
  const reached = app ?? [...outcome.hops].reverse().find((h) => h.kind === 'instance');
  const az = (reached && azOf(reached.id)) ?? 'none';
  const viaLb = outcome.hops.some((h) => h.kind === 'load-balancer');
  const db = outcome.hops.find((h) => h.kind === 'database');
  const baseMs = (viaLb ? CAPACITY.lbMs : 0) + CAPACITY.appMs + (db?.ok ? CAPACITY.dbMs : 0);
  if (outcome.kind === 'dropped') return { kind: 'error', az, cause: outcome.by, baseMs };
  if (outcome.answer.status >= 500) {
    const failed = outcome.by.ok ? [...outcome.hops].reverse().find((h) => !h.ok) : outcome.by;
    return { kind: 'error', az, cause: failed ?? outcome.by, baseMs };
  }
  if (db && !db.ok) return { kind: 'degraded', az, instanceId: app?.id, cause: db, baseMs };
  return { kind: 'ok', az, instanceId: app?.id, baseMs };
}
