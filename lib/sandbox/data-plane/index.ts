import { droppedRequest, type HttpFetch } from '@/lib/aws/http-fetch';
import type { SandboxState } from '../state';
import { toLoadBalancer } from './alb';
import { toBucket, toDistribution } from './cloudfront';
import { toPublicIp } from './reachability';
import { createMemory, type Impairments, type Memory, type Outcome, type Request } from './trace';
import { type NetworkView, networkView } from './view';

export { targetHealth } from './target-health';
export type { Hop, HopKind, Impairments, Outcome } from './trace';
export type { NetworkView } from './view';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Route one request over a view of the account, as AWS would: a pure function of the view, the impairments a drill
 * injects and the round-robin memory. Undefined: no resource of this account answers to that host.
 */
export function route(
  view: NetworkView,
  request: Request,
  memory: Memory,
  impairments: Impairments = {},
): Outcome | undefined {
  const host = request.host.toLowerCase().replace(/\.$/, '');
  const at = { ...request, host };
  if (IPV4.test(host)) {
    for (const region of view.regions) {
      const out = toPublicIp(region, at, memory, impairments);
      if (out) return out;
    }
    return undefined;
  }
  if (host.endsWith('.elb.amazonaws.com')) {
    for (const region of view.regions) {
      const lb = region.loadBalancers.find((l) =>
        [l.DNSName?.toLowerCase(), `dualstack.${l.DNSName?.toLowerCase()}`].includes(host),
      );
      if (lb) return toLoadBalancer(region, lb, at, memory, impairments);
    }
    return undefined;
  }
  const distribution = view.distributions.find(
    (d) => d.DomainName?.toLowerCase() === host || d.Aliases?.Items?.some((a) => a.toLowerCase() === host),
  );
  if (distribution) return toDistribution(view, distribution, at, (next) => route(view, next, memory, impairments));
  return toBucket(view, at);
}

/** A URL as the data plane routes it (port from the scheme unless given). */
export function requestOf(url: string, headers: Record<string, string> = {}): Request {
  const u = new URL(url);
  const scheme = u.protocol === 'https:' ? 'https' : 'http';
  return {
    method: 'GET',
    host: u.hostname,
    port: u.port ? Number(u.port) : scheme === 'https' ? 443 : 80,
    path: `${u.pathname}${u.search}`,
    scheme,
    headers,
  };
}

export interface DataPlane {
  /** Route a request and return every hop it crossed (the drills panel and the tests read this). */
  trace(url: string, impairments?: Impairments): Promise<Outcome | undefined>;
  /** The platform's HTTP fetcher in the sandbox: answers as `fetch` does, with the deciding hop on it (lib/aws/http-fetch). */
  fetch: HttpFetch;
}

const MAX_REDIRECTS = 5;

/**
 * The sandbox's data plane: requests to the account's public addresses answered from its current state, read only.
 * `impairments` is read on every request, so a drill can darken an AZ and lift it again while traffic flows.
 */
export function createDataPlane(
  state: () => SandboxState,
  options: { impairments?: () => Impairments; memory?: Memory; ready?: () => Promise<void> } = {},
): DataPlane {
  const memory = options.memory ?? createMemory();
  const trace = async (url: string, impairments = options.impairments?.() ?? {}) => {
    await options.ready?.();
    return route(await networkView(state()), requestOf(url), memory, impairments);
  };
  return {
    trace,
    async fetch(url, init) {
      let current = url;
      for (let redirects = 0; ; redirects++) {
        init?.signal?.throwIfAborted();
        const out = await trace(current);
        if (!out) {
          const host = new URL(current).host;
          throw new TypeError('fetch failed', {
            cause: new Error(`no resource of this sandbox account answers at ${host}`),
          });
        }
        if (out.kind === 'dropped') throw droppedRequest(out.code, out.by.says);
        const { status, headers, body } = out.answer;
        if ((status === 301 || status === 302) && headers.location && redirects < MAX_REDIRECTS) {
          current = new URL(headers.location, current).toString();
          continue;
        }
        const response = new Response(status === 204 || status === 304 ? null : (body as BodyInit), {
          status,
          headers,
        });
        const hop = out.by.ok ? out.notes?.[0]?.says : out.by.says;
        return hop ? Object.assign(response, { hop }) : response;
      }
    },
  };
}
