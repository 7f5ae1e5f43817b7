import 'server-only';
import { getStore } from '@/lib/progress';
import { sandboxPersistenceOf } from '@/lib/progress/sandbox-states';
import { configureSandboxes, sandboxFor } from '@/lib/sandbox';
import type { Account } from './account';
import type { ApiCallLog } from './api-calls';
import { type AwsClients, createClients } from './clients';

let configured = false;

/** Sandboxes of this server keep their state in the store, so a learner's sandbox survives a restart. */
function configureOnce(): void {
  if (configured) return;
  configured = true;
  const speed = Number(process.env.SCALELAB_SANDBOX_SPEED ?? 0.05);
  configureSandboxes({
    speed: Number.isFinite(speed) && speed >= 0 ? speed : 0.05,
    persistence: sandboxPersistenceOf(getStore),
  });
}

/**
 * SDK clients for a learner's account: the sandbox answers in-process for a sandbox account; real AWS (or
 * AWS_ENDPOINT_URL) otherwise. Every caller in the app gets its clients here.
 */
export function clientsForAccount(account: Account, options: { region: string; log?: ApiCallLog }): AwsClients {
  if (account.kind !== 'sandbox') return createClients(account, { region: options.region, log: options.log });
  configureOnce();
  const sandbox = sandboxFor(account.accountId);
  // The learner's regions (the lab's, then stage 06's second region), not the sandbox's defaults: the checks read the
  // second region from the account (lib/inventory/multi-region.ts).
  return createClients(
    { ...sandbox.account, regions: account.regions },
    { region: options.region, log: options.log, responder: sandbox.responder, fetch: sandbox.dataPlane.fetch },
  );
}
