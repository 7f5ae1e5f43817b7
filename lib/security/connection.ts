/**
 * Who is on the other end of a request: the TCP connection's remote address and the address the server listens on,
 * never a header the client wrote. Next.js gives a server action only the request headers, and its own
 * `x-forwarded-for` keeps whatever value the client sent (base-server: `req.headers['x-forwarded-for'] ??= ...`),
 * so the instrumentation hook subscribes to Node's `http.server.request.start` diagnostics channel (published for
 * every request, before the request handler runs) and stamps each request with the socket's facts and a per-process
 * nonce. A client that sends the header itself cannot know the nonce, and the stamp overwrites it anyway.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';

export const CONNECTION_HEADER = 'x-scalelab-connection';
const NONCE = Symbol.for('scalelab.connection-nonce');
type WithNonce = typeof globalThis & { [NONCE]?: string };

export interface ConnectionFacts {
  /** The peer's address as the socket sees it (`127.0.0.1`, `::1`, `::ffff:10.0.0.7`). */
  remoteAddress: string;
  /** The address the server is bound to (`127.0.0.1`, `0.0.0.0`, `::`). */
  listenAddress: string;
  /** The request arrived with forwarding headers: a reverse proxy (or a client pretending to be one) sent it. */
  forwarded: boolean;
}

const FORWARDING_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip'];

/** Installed once per process, from instrumentation.ts (`next start` and `next dev` run it before serving). */
export function recordConnections(): void {
  const global = globalThis as WithNonce;
  if (global[NONCE]) return;
  const nonce = randomBytes(18).toString('base64url');
  global[NONCE] = nonce;
  subscribe('http.server.request.start', (message) => {
    const { request, socket, server } = message as { request: IncomingMessage; socket: Socket; server: Server };
    const bound = server.address();
    const listen = bound && typeof bound === 'object' ? bound.address : '';
    const forwarded = FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined) ? '1' : '0';
    request.headers[CONNECTION_HEADER] = `${nonce} ${socket.remoteAddress ?? ''} ${listen} ${forwarded}`;
  });
}

/** The stamped facts of this request, or null where no hook stamped it (tests, a request from before the hook). */
export function connectionFacts(headers: { get(name: string): string | null }): ConnectionFacts | null {
  const nonce = (globalThis as WithNonce)[NONCE];
  const [given = '', remoteAddress, listenAddress = '', forwarded] = (headers.get(CONNECTION_HEADER) ?? '').split(' ');
  if (!nonce || !remoteAddress || given.length !== nonce.length) return null;
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(nonce))) return null;
  return { remoteAddress, listenAddress, forwarded: forwarded !== '0' };
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms; `localhost` for a HOST setting. */
export function isLoopback(address: string): boolean {
  const plain = address
    .trim()
    .replace(/^\[|\]$/g, '')
    .replace(/^::ffff:/i, '');
  return plain === 'localhost' || plain === '::1' || /^127(\.\d{1,3}){3}$/.test(plain);
}

/**
 * Does the server accept connections from this machine only? From the socket's listen address when the hook saw it,
 * else from `HOST` (`npm start` runs `next start -H ${HOST:-127.0.0.1}`: unset means loopback).
 */
export function servesLoopbackOnly(facts: ConnectionFacts | null, env: NodeJS.ProcessEnv = process.env): boolean {
  if (facts?.listenAddress) return isLoopback(facts.listenAddress);
  return !env.HOST || isLoopback(env.HOST);
}

/**
 * The client's address for rate limits: the socket's; behind a reverse proxy the operator names as trusted
 * (`SCALELAB_TRUST_PROXY=1`), the last `x-forwarded-for` entry, which that proxy appended. Unknown addresses share
 * one bucket, so a limit fails closed rather than open.
 */
export function clientAddress(
  facts: ConnectionFacts | null,
  headers: { get(name: string): string | null },
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.SCALELAB_TRUST_PROXY === '1') {
    const last = (headers.get('x-forwarded-for') ?? '').split(',').at(-1)?.trim();
    if (last) return last.replace(/^::ffff:/i, '');
  }
  return facts?.remoteAddress.replace(/^::ffff:/i, '') ?? 'unknown';
}
