import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCredentialsAllowed } from '@/lib/accounts/connect';
import {
  CONNECTION_HEADER,
  clientAddress,
  connectionFacts,
  isLoopback,
  recordConnections,
} from '@/lib/security/connection';

/** A real HTTP server on loopback, with the instrumentation hook installed: what each request's headers say. */
let server: ReturnType<typeof createServer>;
let port = 0;

beforeAll(async () => {
  recordConnections();
  server = createServer((req, res) => res.end(JSON.stringify(req.headers)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function headersOf(sent: Record<string, string>): Promise<Headers> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/', headers: sent }, (res) => {
      let body = '';
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => {
        const seen = JSON.parse(body) as IncomingHttpHeaders;
        resolve(new Headers(Object.entries(seen).map(([k, v]) => [k, String(v)])));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the connection, not the headers, says where a request comes from', () => {
  it('reads the socket’s remote and listen addresses', async () => {
    const facts = connectionFacts(await headersOf({}));
    expect(facts).toEqual({ remoteAddress: '127.0.0.1', listenAddress: '127.0.0.1', forwarded: false });
  });

  it('ignores a Host header that claims localhost on an exposed server', () => {
    const facts = { remoteAddress: '192.0.2.10', listenAddress: '0.0.0.0', forwarded: false };
    expect(localCredentialsAllowed(facts, {} as NodeJS.ProcessEnv)).toEqual({ allowed: false, reason: 'exposed' });
  });

  it('overwrites a connection stamp the client forged', async () => {
    const forged = `${'x'.repeat(24)} 127.0.0.1 127.0.0.1 0`;
    const headers = await headersOf({ [CONNECTION_HEADER]: forged });
    expect(headers.get(CONNECTION_HEADER)).not.toBe(forged);
    expect(connectionFacts(new Headers({ [CONNECTION_HEADER]: forged }))).toBeNull();
  });

  it('marks a request that came through a proxy, so a local proxy cannot hand out the machine’s credentials', async () => {
    const facts = connectionFacts(await headersOf({ 'x-forwarded-for': '203.0.113.9' }));
    expect(facts?.forwarded).toBe(true);
    expect(localCredentialsAllowed(facts, {} as NodeJS.ProcessEnv).allowed).toBe(false);
  });

  it('keys rate limits by the socket address, not by x-forwarded-for, unless a proxy is trusted', async () => {
    const headers = await headersOf({ 'x-forwarded-for': '203.0.113.9' });
    const facts = connectionFacts(headers);
    expect(clientAddress(facts, headers, {} as NodeJS.ProcessEnv)).toBe('127.0.0.1');
    expect(clientAddress(facts, headers, { SCALELAB_TRUST_PROXY: '1' } as unknown as NodeJS.ProcessEnv)).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(null, new Headers(), {} as NodeJS.ProcessEnv)).toBe('unknown');
  });

  it('knows the loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.8.9.1', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost']) {
      expect(isLoopback(a)).toBe(true);
    }
    for (const a of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'localhost.example.com', '']) {
      expect(isLoopback(a)).toBe(false);
    }
  });
});
