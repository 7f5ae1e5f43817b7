import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTION_HEADER, recordConnections } from '@/lib/security/connection';

/**
 * What a request brings, for server actions and route handlers run here as Next runs them: its cookies and headers.
 * The test file hands `requestState` to its `vi.mock('next/headers')` (see mockedHeaders) and sets it per case.
 */
export interface RequestState {
  jar: Map<string, string>;
  headers: Headers;
}

export function mockedHeaders(state: RequestState) {
  return {
    cookies: async () => ({
      get: (name: string) => (state.jar.has(name) ? { name, value: state.jar.get(name) } : undefined),
      set: (name: string, value: string) => void state.jar.set(name, value),
      delete: (o: string | { name: string }) => void state.jar.delete(typeof o === 'string' ? o : o.name),
    }),
    headers: async () => state.headers,
  };
}

/**
 * Headers as the instrumentation hook stamps them for a connection from `remote` to a server listening on `listen`,
 * plus whatever the client wrote (a lying Host header, say).
 */
export function connectionHeaders(
  remote: string,
  listen: string,
  written: Record<string, string> = {},
  forwarded = false,
): Headers {
  recordConnections();
  const nonce = (globalThis as { [k: symbol]: string })[Symbol.for('scalelab.connection-nonce')];
  return new Headers({ ...written, [CONNECTION_HEADER]: `${nonce} ${remote} ${listen} ${forwarded ? '1' : '0'}` });
}

/** A throwaway data directory and secret for the store, the cookie key and the setup token. */
export function freshServerEnv(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `scalelab-security-${name}-`));
  process.env.SCALELAB_DATA_DIR = dir;
  process.env.SCALELAB_SECRET = randomBytes(32).toString('hex');
  delete process.env.SCALELAB_ALLOW_LOCAL_CREDENTIALS;
  delete process.env.HOST;
  return dir;
}

/** The digest Next puts on the error `redirect()` throws: `NEXT_REDIRECT;replace;/en/instructor;307;`. */
export const redirectOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: { digest?: string }) => {
      if (!err.digest?.startsWith('NEXT_REDIRECT')) throw err;
      return err.digest.split(';')[2] ?? err.digest;
    },
  );
