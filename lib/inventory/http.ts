import { type HttpFetch, tracedHop } from '@/lib/aws/http-fetch';
import type { Localized } from '@/lib/i18n/locales';

export type HttpProbe =
  /** `hop`: the hop that decided a failing answer, when the fetcher traced it (a 503: no healthy targets). */
  | { reachable: true; status: number; ms: number; body: string; hop?: Localized }
  /**
   * `refused`: the address answered, and nothing listens there (connection refused or reset): the app is down.
   * Otherwise the platform's network could not reach the address at all (a timeout, no route, no DNS, no network),
   * which says nothing about the app.
   */
  | { reachable: false; refused: boolean; reason: string; hop?: Localized };

/** Socket errors that come from the far end: a host that answered with a refusal or a reset. */
const ANSWERED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/**
 * A GET with a short timeout; network failures become `reachable: false` with the reason, never an exception. With
 * a fetcher that traces its requests (the sandbox's data plane), the probe carries the hop that decided the outcome:
 * a request dropped on a known hop of the lab's own network is the lab's failure, not the platform's.
 */
export async function probeHttp(url: string, timeoutMs = 5000, fetcher: HttpFetch = fetch): Promise<HttpProbe> {
  const started = performance.now();
  try {
    const res = await fetcher(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.text()).slice(0, 2000);
    const hop = tracedHop(res);
    return { reachable: true, status: res.status, ms: performance.now() - started, body, ...(hop ? { hop } : {}) };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError')
      return { reachable: false, refused: false, reason: `no answer within ${timeoutMs / 1000} s` };
    const code = e.cause?.code ?? '';
    const hop = tracedHop(e.cause);
    return {
      reachable: false,
      refused: ANSWERED.has(code),
      reason: code || e.cause?.message || e.message,
      ...(hop ? { hop } : {}),
    };
  }
}
