import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './database';
import { sandboxStates } from './schema';

/** A sandbox account's state as stored, with the version every write bumps. */
export interface StoredSandboxState {
  state: unknown;
  version: number;
}

/**
 * The sandbox states of the store (`sandbox_states`: one JSON per account and a version). Several servers share one
 * database, each with its own copy of an account in memory (lib/sandbox): they read the version before they answer a
 * call (one tiny indexed read), reload when it moved, and write with compare-and-set on it, so a write made on a copy
 * another server has since changed is refused, never silently laid over the other's.
 */
export function sandboxStateStore(db: Db) {
  return {
    async loadSandboxState(accountId: string): Promise<StoredSandboxState | undefined> {
      const [row] = await db
        .select({ state: sandboxStates.state, version: sandboxStates.version })
        .from(sandboxStates)
        .where(eq(sandboxStates.accountId, accountId));
      return row;
    },

    /** The stored version only (0 when the account has never been written): what a server checks before a call. */
    async sandboxStateVersion(accountId: string): Promise<number> {
      const [row] = await db
        .select({ version: sandboxStates.version })
        .from(sandboxStates)
        .where(eq(sandboxStates.accountId, accountId));
      return row?.version ?? 0;
    },

    /**
     * Write an account's state if the stored version is still `expected` (0: not stored yet). Returns the new version,
     * or undefined when another writer got there first (the caller reloads and tries its change again).
     */
    async saveSandboxState(accountId: string, state: unknown, expected: number): Promise<number | undefined> {
      if (expected === 0) {
        const [row] = await db
          .insert(sandboxStates)
          .values({ accountId, state, version: 1 })
          .onConflictDoNothing({ target: sandboxStates.accountId })
          .returning({ version: sandboxStates.version });
        return row?.version;
      }
      const [row] = await db
        .update(sandboxStates)
        .set({ state, version: sql`${sandboxStates.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(sandboxStates.accountId, accountId), eq(sandboxStates.version, expected)))
        .returning({ version: sandboxStates.version });
      return row?.version;
    },
  };
}

/**
 * The store as a sandbox's persistence (lib/sandbox `SandboxPersistence`), opened lazily by `store()`. An embedded
 * store is written by its owner process alone (the store lock), which keeps one copy per account: its copies skip
 * the version read before each call. `shared: true` reads it anyway (tests standing for two servers over PGlite).
 */
export function sandboxPersistenceOf(
  store: () => Promise<ReturnType<typeof sandboxStateStore> & { database: { kind: 'pglite' | 'postgres' } }>,
  options: { shared?: boolean } = {},
): import('@/lib/sandbox').SandboxPersistence {
  return {
    exclusive: async () => !options.shared && (await store()).database.kind === 'pglite',
    load: async (accountId) => (await store()).loadSandboxState(accountId),
    version: async (accountId) => (await store()).sandboxStateVersion(accountId),
    save: async (accountId, state, expected) => (await store()).saveSandboxState(accountId, state, expected),
  };
}
