export type HttpProbe =
  | { reachable: true; status: number; ms: number; body: string }
  | { reachable: false; reason: string };

/** A GET with a short timeout; network failures become `reachable: false` with the reason, never an exception. */
export async function probeHttp(url: string, timeoutMs = 5000): Promise<HttpProbe> {
  const started = performance.now();
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    const body = (await res.text()).slice(0, 2000);
    return { reachable: true, status: res.status, ms: performance.now() - started, body };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const reason = e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (e.cause?.code ?? e.message);
    return { reachable: false, reason };
  }
}
