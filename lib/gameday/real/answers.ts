import { type Hop, hop } from '@/lib/sandbox/data-plane/trace';

/** One request of a real drill as it came back. */
export interface Observed {
  /** The second of the drill it was sent in. */
  t: number;
  kind: 'ok' | 'degraded' | 'error';
  /** The AZ of the instance that answered; `none` when no lab instance did (a load balancer 5xx, a timeout). */
  az: string;
  instanceId?: string;
  status?: number;
  latencyMs: number;
  cause?: Hop;
}

const field = (html: string, label: string) =>
  html.match(new RegExp(`<dt>${label}</dt>\\s*<dd>([^<]*)</dd>`))?.[1]?.trim();

/**
 * What the lab app said: its page (templates/0*: "<dt>Instance</dt><dd>i-…</dd>", "<dt>Availability Zone</dt>…", the
 * visits line reading "database unavailable: …" when its database call failed) or its /api JSON (instanceId,
 * availabilityZone). Anything else that answered 200 counts as served by an unknown instance.
 */
export function readLabAnswer(body: string): { instanceId?: string; az?: string; dbError?: string } {
  const trimmed = body.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as { instanceId?: unknown; availabilityZone?: unknown };
      return {
        ...(typeof json.instanceId === 'string' ? { instanceId: json.instanceId } : {}),
        ...(typeof json.availabilityZone === 'string' ? { az: json.availabilityZone } : {}),
      };
    } catch {
      return {};
    }
  }
  const instanceId = field(body, 'Instance');
  const az = field(body, 'Availability Zone');
  const visits = body.match(/<dt>Visits[^<]*<\/dt>\s*<dd>([^<]*)<\/dd>/)?.[1] ?? '';
  const dbError = /^database unavailable/.test(visits.trim()) ? visits.trim() : undefined;
  return { ...(instanceId ? { instanceId } : {}), ...(az ? { az } : {}), ...(dbError ? { dbError } : {}) };
}

/** A request that got an HTTP answer, classified as the sandbox engine classifies its routed requests. */
export function observeAnswer(
  t: number,
  host: string,
  status: number,
  body: string,
  latencyMs: number,
  dbId?: string,
): Observed {
  const app = readLabAnswer(body);
  const az = app.az ?? 'none';
  const base = { t, az, status, latencyMs, ...(app.instanceId ? { instanceId: app.instanceId } : {}) };
  // Anything but a 2xx is not the lab's page: a 5xx, a 404, or a redirect (not followed: it would leave the lab).
  if (status < 200 || status >= 300)
    return {
      ...base,
      kind: 'error',
      cause: app.instanceId
        ? hop('app', app.instanceId, false, `The lab app answered ${status}.`, `실습 앱이 ${status}로 응답했습니다.`)
        : hop(
            'load-balancer',
            host,
            false,
            `${host} answered ${status}: no healthy lab instance served the request (Elastic Load Balancing answers 502/503/504 itself).`,
            `${host}가 ${status}로 응답했습니다. 요청을 처리한 정상 실습 인스턴스가 없습니다(Elastic Load Balancing이 직접 502/503/504로 응답).`,
          ),
    };
  if (app.dbError)
    return {
      ...base,
      kind: 'degraded',
      cause: hop('database', dbId ?? 'database', false, app.dbError, `데이터베이스를 사용할 수 없음: ${app.dbError}`),
    };
  return { ...base, kind: 'ok' };
}

/** A request that got no answer: timed out, refused or reset. */
export function observeFailure(t: number, host: string, latencyMs: number, reason: string): Observed {
  return {
    t,
    kind: 'error',
    az: 'none',
    latencyMs,
    cause: hop(
      'load-balancer',
      host,
      false,
      `No answer from ${host}: ${reason}.`,
      `${host}에서 응답이 없습니다: ${reason}.`,
    ),
  };
}
