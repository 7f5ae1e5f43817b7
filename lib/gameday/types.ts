import type { Localized } from '@/lib/i18n/locales';

export const drillIds = ['az-outage', 'db-failover', 'instance-dies', 'traffic-spike', 'workers-stop'] as const;
export type DrillId = (typeof drillIds)[number];

/** One simulated second of a drill: what the traffic saw, per Availability Zone and in total. */
export interface DrillTick {
  t: number;
  requests: number;
  /** Answered in full (the page and its database call). */
  ok: number;
  /** Answered, but the app's database call failed (the page says "database unavailable"). */
  degraded: number;
  /** Not answered: a 5xx from the load balancer, or dropped (timed out, refused). */
  errors: number;
  /** Per AZ of the instance that served (or failed) the request; `none` when no instance was reached. */
  azs: Record<string, { requests: number; errors: number; latencyMs: number | null }>;
  /** Web instances in service behind the load balancer (or answering at the address). */
  inService: number;
  /** The fleet's average CPU, % (the simulated metric target tracking reads). */
  cpu: number;
  /** Messages waiting in the work queue (stage 05's worker drill). */
  backlog?: number;
  /** Workers taking messages from the queue. */
  workers?: number;
}

export type DrillEventKind =
  | 'failure'
  | 'detected'
  | 'failover'
  | 'replaced'
  | 'launched'
  | 'in-service'
  | 'alarm'
  | 'recovered'
  | 'end';

/** Something that happened during the drill, marked on the chart. */
export interface DrillEvent {
  t: number;
  kind: DrillEventKind;
  says: Localized;
}

export type VerdictOutcome = 'held' | 'blip' | 'outage';

export interface DrillVerdict {
  outcome: VerdictOutcome;
  /** Requests answered (fully or degraded), % of all, one decimal. */
  servedPct: number;
  /** Requests answered in full, % of all. */
  fullPct: number;
  says: Localized;
}

export interface DrillResult {
  drill: DrillId;
  url: string;
  seconds: number;
  ticks: DrillTick[];
  events: DrillEvent[];
  verdict: DrillVerdict;
  /** What the drill broke, and when: the sandbox's own impairments are set to it while the failure window plays. */
  failure?: { from: number; to: number; azs: string[]; instances: string[] };
}
