import { createServer, type Server } from 'node:http';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from '@/lib/aws/clients';
import type { HttpFetch } from '@/lib/aws/http-fetch';

/**
 * Test scaffolding, not product code: a local HTTP server standing in for a lab's load balancer and its lab app, for
 * drills against moto (whose instances run nothing). It answers `/` as the stage templates' lab app does (the page's
 * "<dt>Instance</dt><dd>…</dd>" and Availability Zone lines), as whichever of the given instances is running *in moto*
 * right now: the truth is polled from moto's DescribeInstances every `truthMs`. Like an ALB, it keeps a target in
 * rotation until two health checks `checkMs` apart have failed, and a request sent meanwhile to a stopped target gets
 * a 502 from the "load balancer"; with no healthy target left, a 503.
 */
export async function startLabAppStandIn(options: {
  clients: AwsClients;
  instances: { id: string; az: string }[];
  stack: string;
  truthMs?: number;
  checkMs?: number;
}) {
  const truth = new Map<string, string>();
  const failedChecks = new Map<string, number>();
  const inRotation = new Set(options.instances.map((i) => i.id));
  const statesSeen = new Map<string, Set<string>>();
  const hostsSeen = new Set<string>();
  let served = 0;
  let rr = 0;

  async function poll() {
    const out = await options.clients.ec2.send(
      new DescribeInstancesCommand({ InstanceIds: options.instances.map((i) => i.id) }),
    );
    for (const i of (out.Reservations ?? []).flatMap((r) => r.Instances ?? [])) {
      const state = i.State?.Name ?? 'unknown';
      truth.set(i.InstanceId ?? '', state);
      const seen = statesSeen.get(i.InstanceId ?? '') ?? new Set();
      seen.add(state);
      statesSeen.set(i.InstanceId ?? '', seen);
    }
  }
  function healthCheck() {
    for (const { id } of options.instances) {
      if (truth.get(id) === 'running') {
        failedChecks.set(id, 0);
        inRotation.add(id);
      } else {
        const n = (failedChecks.get(id) ?? 0) + 1;
        failedChecks.set(id, n);
        if (n >= 2) inRotation.delete(id);
      }
    }
  }
  await poll();
  // One poll at a time (a slow answer never overwrites a newer one).
  let polling = true;
  const pollLoop = (async () => {
    while (polling) {
      await poll().catch(() => undefined);
      await new Promise((r) => setTimeout(r, options.truthMs ?? 100));
    }
  })();
  const checkTimer = setInterval(healthCheck, options.checkMs ?? 150);

  const page = (id: string, az: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ScaleLab - 02-high-availability</title></head>
<body><h1>Hello from ${id}</h1>
<p>Stack <b>${options.stack}</b> (02-high-availability). Refresh to see which instance and Availability Zone answers.</p>
<dl><dt>Instance</dt><dd>${id}</dd><dt>Availability Zone</dt><dd>${az}</dd>
<dt>Instance type</dt><dd>t3.micro</dd><dt>Visits (Amazon RDS for MySQL)</dt><dd>${++served}</dd>
<dt>App started</dt><dd>2026-12-02 03:00:00 UTC</dd></dl></body></html>
`;
  const server: Server = createServer((req, res) => {
    hostsSeen.add(String(req.headers['x-forwarded-host'] ?? req.headers.host));
    const rotation = options.instances.filter((i) => inRotation.has(i.id));
    const target = rotation[rr++ % Math.max(1, rotation.length)];
    if (!target) {
      res
        .writeHead(503, { 'content-type': 'text/html' })
        .end('<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>');
      return;
    }
    if (truth.get(target.id) !== 'running') {
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    else if (path === '/')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(target.id, target.az));
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    statesSeen,
    hostsSeen,
    stop: async () => {
      polling = false;
      clearInterval(checkTimer);
      await pollLoop;
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * The platform's fetch with one name resolved to the stand-in (as `curl --resolve` would): requests to `host` reach
 * the local server, with the original host in x-forwarded-host; any other host fails as an unknown name does. Every
 * URL asked for is recorded, so a test can prove where the traffic went.
 */
export function resolvingFetch(host: string, port: number, asked: string[]): HttpFetch {
  return async (url, init) => {
    asked.push(url);
    const u = new URL(url);
    if (u.host !== host)
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${u.hostname}`), { code: 'ENOTFOUND' }),
      });
    return fetch(`http://127.0.0.1:${port}${u.pathname}${u.search}`, {
      ...init,
      headers: { ...init?.headers, 'x-forwarded-host': u.host },
    });
  };
}
