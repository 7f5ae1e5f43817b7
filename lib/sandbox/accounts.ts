/**
 * The sandbox accounts this process serves, as one AWS partition: a name that AWS keeps unique across every account
 * (an S3 bucket's) is checked against all of them. Only accounts created through `sandboxFor` join (the app's
 * learners); a test's `createSandbox` stays on its own unless it asks to join with `shareNames`.
 */
import type { SandboxState } from './state';

const key = Symbol.for('scalelab.sandbox-accounts');
type Holder = { [key]?: Map<string, () => SandboxState> };

const registry = (): Map<string, () => SandboxState> => {
  const holder = globalThis as Holder;
  holder[key] ??= new Map();
  return holder[key];
};

/** Make an account's state visible to the others (its reader is called each time: a reset swaps the state). */
export function joinPartition(accountId: string, read: () => SandboxState): void {
  registry().set(accountId, read);
}

export function leavePartition(accountId: string): void {
  registry().delete(accountId);
}

/** Every other account's state in the partition. */
export function otherAccounts(accountId: string): SandboxState[] {
  return [...registry()].filter(([id]) => id !== accountId).map(([, read]) => read());
}
