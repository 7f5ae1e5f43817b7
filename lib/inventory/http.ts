export type HttpProbe =
  | { reachable: true; status: number; ms: number; body: string }
  /**
   * `refused`: the address answered, and nothing listens there (connection refused or reset): the app is down.
   * Otherwise the platform's network could not reach the address at all (a timeout, no route, no DNS, no network),
   * which says nothing about the app.
   */
  | { reachable: false; refused: boolean; reason: string };

/** Socket errors that come from the far end: a host that answered with a refusal or a reset. */
const ANSWERED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** A GET with a short timeout; network failures become `reachable: false` with the reason, never an exception. */
export async function probeHttp(url: string, timeoutMs = 5000): Promise<HttpProbe> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    const body = (await res.text()).slice(0, 2000);
    return { reachable: true, status: res.status, ms: performance.now() - started, body };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError')
      return { reachable: false, refused: false, reason: `no answer within ${timeoutMs / 1000} s` };
    const code = e.cause?.code ?? '';
    return { reachable: false, refused: ANSWERED.has(code), reason: code || e.message };
  }
}
