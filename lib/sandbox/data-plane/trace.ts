import type { Localized } from '@/lib/i18n/locales';

/**
 * The components a request crosses, in the order VPC Reachability Analyzer explains a path (AWS Reachability Analyzer
 * guide › Explanation codes): internet gateway, route table, network ACL, security group, then what answers.
 */
export type HopKind =
  | 'address'
  | 'internet-gateway'
  | 'route-table'
  | 'network-acl'
  | 'security-group'
  | 'instance'
  | 'app'
  | 'load-balancer'
  | 'listener'
  | 'target-group'
  | 'distribution'
  | 'bucket'
  | 'database';

/** One hop of a traced request: the component, whether it let the request on, and why, in the learner's words. */
export interface Hop {
  kind: HopKind;
  /** The component's id (sg-…, subnet-…, an ARN, a domain name). */
  id: string;
  ok: boolean;
  says: Localized;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** Where a request ended: answered (by the app, or by a load balancer / CDN on the app's behalf), or dropped. */
export type Outcome =
  /** `notes`: hops that did not stop this request but hold others back (the targets a load balancer routed around). */
  | { kind: 'answered'; answer: HttpAnswer; hops: Hop[]; by: Hop; notes?: Hop[] }
  /** ETIMEDOUT: silently dropped (security groups, routes, a stopped instance); ECONNREFUSED: nothing listens. */
  | { kind: 'dropped'; code: 'ETIMEDOUT' | 'ECONNREFUSED'; hops: Hop[]; by: Hop };

/**
 * Failures a drill injects on top of the deployed state (issue 17's game day): the routing functions take them as
 * input and never change the state, so an AZ can go dark for a minute and come back without a trace.
 */
export interface Impairments {
  /** Availability Zones gone dark: nothing in them answers (instances, load balancer nodes, a database primary). */
  azs?: readonly string[];
  /** Instances that stopped answering (crashed, or stopped by a drill) while the API may still say running. */
  instances?: readonly string[];
}

/** A request as the data plane routes it. */
export interface Request {
  method: string;
  host: string;
  port: number;
  path: string;
  scheme: 'http' | 'https';
  headers: Record<string, string>;
}

export const hop = (kind: HopKind, id: string, ok: boolean, en: string, ko: string): Hop => ({
  kind,
  id,
  ok,
  says: { en, ko },
});

export const dropped = (hops: Hop[], by: Hop, code: 'ETIMEDOUT' | 'ECONNREFUSED' = 'ETIMEDOUT'): Outcome => ({
  kind: 'dropped',
  code,
  hops: [...hops, by],
  by,
});

export const answered = (hops: Hop[], by: Hop, answer: HttpAnswer): Outcome => ({
  kind: 'answered',
  answer,
  hops: [...hops, by],
  by,
});

export const impairedAz = (impairments: Impairments, az: string | undefined) =>
  Boolean(az && impairments.azs?.includes(az));

/**
 * What the data plane keeps between requests, never in the account's state: the visits the app's database counts
 * and whose turn it is in a round robin (a load balancer's nodes, its targets).
 */
export interface Memory {
  /** Count one more visit under `key` and say how many there are now. */
  visit(key: string): number;
  /** The next index, round robin, among `n` choices kept under `key`. */
  turn(key: string, n: number): number;
}

export function createMemory(): Memory {
  const visits = new Map<string, number>();
  const turns = new Map<string, number>();
  return {
    visit(key) {
      const n = (visits.get(key) ?? 0) + 1;
      visits.set(key, n);
      return n;
    },
    turn(key, n) {
      const t = turns.get(key) ?? 0;
      turns.set(key, t + 1);
      return n > 0 ? t % n : 0;
    },
  };
}
