import type { Localized } from '@/lib/i18n/locales';

/**
 * How the platform sends HTTP to a lab's public addresses (an Elastic IP, an ALB DNS name, a CloudFront domain): the
 * global `fetch` on real AWS; in the sandbox, its data plane, which answers as AWS would route the request.
 */
export type HttpFetch = (
  url: string,
  /** `redirect: 'manual'`: the answer as it came, a 3xx not followed (the game-day traffic stays on its host). */
  init?: { signal?: AbortSignal; headers?: Record<string, string>; redirect?: 'follow' | 'manual' },
) => Promise<Response>;

/**
 * A fetcher that traced the request hop by hop (the sandbox's data plane) says which hop decided its fate: on an
 * answer (a 503 from a load balancer with no healthy target) as `hop` on the Response, and on a request that never
 * got an answer (dropped by a security group, no route to an internet gateway) as `hop` on the error's cause. A real
 * network never sets it, so nothing a real server sends can claim it.
 */
export interface TracedHop {
  readonly hop: Localized;
}

/** The network error a traced fetcher throws: shaped like undici's `TypeError('fetch failed', { cause })`. */
export function droppedRequest(code: 'ETIMEDOUT' | 'ECONNREFUSED', hop: Localized): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(`${code}: ${hop.en}`), { code, hop }) });
}

/** The hop a traced fetcher named on an answer or a network error, if it named one. */
export function tracedHop(value: unknown): Localized | undefined {
  const hop = (value as Partial<TracedHop> | undefined)?.hop;
  return hop && typeof hop.en === 'string' && typeof hop.ko === 'string' ? hop : undefined;
}

/** The fetcher of an account whose addresses the platform cannot reach (sandbox clients made without a data plane). */
export const unreachable =
  (reason: string): HttpFetch =>
  async () => {
    throw new TypeError('fetch failed', { cause: new Error(reason) });
  };
