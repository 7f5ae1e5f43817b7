import 'server-only';
import { headers } from 'next/headers';
import { type ConnectionFacts, clientAddress, connectionFacts, isLoopback, servesLoopbackOnly } from './connection';

export interface RequestClient {
  facts: ConnectionFacts | null;
  /** The key for per-address limits. */
  address: string;
  /** The request comes from this machine, not through a proxy (for first-run setup without a token). */
  fromLoopback: boolean;
}

/** Who sent the request that a server action or a page is answering: from its connection, never its Host header. */
export async function currentClient(): Promise<RequestClient> {
  const h = await headers();
  const facts = connectionFacts(h);
  const fromLoopback = facts ? isLoopback(facts.remoteAddress) && !facts.forwarded : servesLoopbackOnly(null);
  return { facts, address: clientAddress(facts, h), fromLoopback };
}
