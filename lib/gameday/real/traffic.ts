import type { HttpFetch } from '@/lib/aws/http-fetch';
import type { DrillTick } from '../types';
import { type Observed, observeAnswer, observeFailure } from './answers';

/**
 * The bounds of a real drill's traffic: a few requests a second, each with a timeout, and a cap on the whole drill.
 * Elastic Load Balancing › Troubleshoot your Application Load Balancers: a target that does not accept the connection
 * gets a 504 after 10 s; the drill gives up sooner, so a request never outlives the next few seconds' tallies.
 */
export const TRAFFIC_LIMITS = { maxRps: 10, timeoutMs: 5_000, maxRequests: 3_000, maxBodyBytes: 64_000 };

export interface TrafficOptions {
  fetch: HttpFetch;
  url: URL;
  rps: number;
  /** Wall-clock milliseconds of one drill second: 1000 on a real account (a test plays the drill faster). */
  secondMs?: number;
  timeoutMs?: number;
  maxRequests?: number;
  /** The lab database's id, to name it when the page answers without it. */
  dbId?: string;
}

/** Read at most `max` bytes of a body (a lab page is a few hundred; anything else is cut short). */
async function readSome(res: Response, max: number): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= max) {
      await reader.cancel().catch(() => undefined);
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A sender of bounded traffic to one lab URL: `second(t)` sends that second's requests spaced evenly over it and
 * resolves, once each has answered or timed out, with what came back. Redirects are not followed (a redirect to
 * anywhere else would leave the allow-list); the requests stop at `maxRequests` for the whole drill.
 */
export function createTraffic(options: TrafficOptions) {
  const rps = Math.max(1, Math.min(TRAFFIC_LIMITS.maxRps, Math.round(options.rps)));
  const timeoutMs = Math.min(options.timeoutMs ?? TRAFFIC_LIMITS.timeoutMs, TRAFFIC_LIMITS.timeoutMs);
  const maxRequests = Math.min(options.maxRequests ?? TRAFFIC_LIMITS.maxRequests, TRAFFIC_LIMITS.maxRequests);
  const secondMs = options.secondMs ?? 1000;
  const host = options.url.host;
  const href = options.url.href;
  let sent = 0;

  async function one(t: number, signal?: AbortSignal): Promise<Observed> {
    const started = performance.now();
    const ms = () => Math.round((performance.now() - started) * 10) / 10;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const res = await options.fetch(href, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        headers: { 'user-agent': 'ScaleLab-GameDay/1', 'cache-control': 'no-cache' },
        redirect: 'manual',
      });
      const body = await readSome(res, TRAFFIC_LIMITS.maxBodyBytes);
      return observeAnswer(t, host, res.status, body, ms(), options.dbId);
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      const reason =
        e.name === 'TimeoutError' || timeout.aborted
          ? `no answer within ${timeoutMs / 1000} s`
          : e.cause?.code || e.message;
      return observeFailure(t, host, ms(), reason);
    }
  }

  return {
    rps,
    get sent() {
      return sent;
    },
    async second(t: number, signal?: AbortSignal): Promise<Observed[]> {
      const pending: Promise<Observed>[] = [];
      for (let i = 0; i < rps && sent < maxRequests && !signal?.aborted; i++) {
        sent++;
        pending.push(one(t, signal));
        if (i < rps - 1) await new Promise((r) => setTimeout(r, secondMs / rps));
      }
      return Promise.all(pending);
    },
  };
}

/** One second of observed requests as the sandbox engine's tick (the chart and the verdict read the same shape). */
export function tickOf(t: number, observed: Observed[], inService: number): DrillTick {
  const tick: DrillTick = { t, requests: 0, ok: 0, degraded: 0, errors: 0, azs: {}, inService, cpu: 0 };
  const latencies: Record<string, number[]> = {};
  for (const o of observed) {
    tick.requests++;
    tick[o.kind === 'error' ? 'errors' : o.kind]++;
    const slot = tick.azs[o.az] ?? { requests: 0, errors: 0, latencyMs: null };
    tick.azs[o.az] = slot;
    slot.requests++;
    if (o.kind === 'error') slot.errors++;
    else latencies[o.az] = [...(latencies[o.az] ?? []), o.latencyMs];
  }
  for (const [az, list] of Object.entries(latencies)) {
    const slot = tick.azs[az];
    if (slot) slot.latencyMs = Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 10) / 10;
  }
  return tick;
}
