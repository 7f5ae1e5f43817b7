import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClients } from '@/lib/aws/clients';
import { createSandbox, type SandboxOptions } from '@/lib/sandbox';

export const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

/** A fresh sandbox at speed 0 and the REAL SDK clients wired to it through lib/aws. */
export function sandboxWithClients(options: SandboxOptions = {}, region = 'us-east-1') {
  const sandbox = createSandbox({ accountId: '111122223333', ...options });
  const clients = createClients(sandbox.account, { region, responder: sandbox.responder, maxAttempts: 1 });
  return { sandbox, clients };
}

/** Waiters poll every 30 s by default; at speed 0 the first poll already sees the end state. */
export const waitOptions = <C>(client: C) => ({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 });
