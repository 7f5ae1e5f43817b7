import { catchUp } from './cloudformation/player';
import { awsError } from './errors';
import { emptyState, type SandboxState } from './state';

/**
 * Where a sandbox account's state lives between calls (lib/progress in the app and the CLI; a Map in tests): one
 * JSON per account with a version that every write bumps, written with compare-and-set on that version.
 */
export interface SandboxPersistence {
  load(accountId: string): Promise<{ state: unknown; version: number } | undefined>;
  /** The stored version alone (0: never written), read before every call: one tiny indexed read. */
  version(accountId: string): Promise<number>;
  /** Write if the stored version is still `expected` (0: none yet); the new version, or undefined on a conflict. */
  save(accountId: string, state: unknown, expected: number): Promise<number | undefined>;
  /**
   * True when this copy is the only one that writes the account: then, once loaded, it is the stored version and the
   * version is not read again before each call. An embedded store has one owner process (its lock), which keeps one
   * copy per account (`sandboxFor`); a PostgreSQL store may be shared by several servers and the CLI.
   */
  exclusive?(): Promise<boolean>;
}

/** How many times a change is tried again on a newer copy before the call fails (writers kept getting there first). */
const MAX_ATTEMPTS = 5;

/**
 * This server's copy of one sandbox account, kept equal to the stored one. Several servers (or a server and the CLI)
 * share one store, each with a copy in memory:
 * - before a call is answered the copy is made current: the stored version is read (concurrent calls share one read
 *   that started after they arrived) and the state reloaded only when that version is newer than the copy's;
 * - a change runs on a draft of the current copy, one at a time in this process, and is written with compare-and-set
 *   on the version it started from. When another server wrote first, the copy is reloaded and the change runs again
 *   on the newer state, so neither server's change is lost. The draft becomes the copy only once it is stored, so a
 *   reader never sees a change that was not written.
 * A row lock held for the whole call would serialise the servers as well, but it would hold one of the store's
 * connections across the call's work (PGlite has only one): compare-and-set holds nothing, and conflicts are rare
 * (two servers changing one learner's account at the same moment).
 */
export function createAccountCopy(accountId: string, persistence: SandboxPersistence | undefined) {
  let state = emptyState(accountId);
  let version = 0;
  let checking: Promise<void> | undefined;
  let queuedCheck: Promise<void> | undefined;
  let writing: Promise<unknown> = Promise.resolve();
  // Set once the copy is loaded from a store nobody else writes: from then on it is current by construction.
  let alone = !persistence;

  async function refresh(): Promise<void> {
    if (!persistence || alone) return;
    const exclusive = persistence.exclusive ? await persistence.exclusive() : false;
    let stored: number;
    let loaded: Awaited<ReturnType<SandboxPersistence['load']>>;
    try {
      stored = await persistence.version(accountId);
      if (stored <= version) {
        alone = exclusive;
        return;
      }
      loaded = await persistence.load(accountId);
      alone = exclusive;
    } catch (err) {
      throw awsError(
        'InternalFailure',
        `The sandbox could not read account ${accountId} from its store: ${(err as Error).message}`,
        500,
      );
    }
    // A write of this process may have landed meanwhile: never go back to an older copy.
    if (!loaded || loaded.version <= version) return;
    const next = loaded.state as SandboxState;
    if (next?.version !== 1) return;
    state = next;
    version = loaded.version;
  }

  function startCheck(): Promise<void> {
    const p = refresh().finally(() => {
      if (checking === p) checking = undefined;
    });
    checking = p;
    return p;
  }

  /** Make the copy current. A read already under way may predate the caller's call, so it waits for the next one. */
  function fresh(): Promise<void> {
    if (alone) return Promise.resolve();
    if (!checking) return startCheck();
    queuedCheck ??= checking
      .catch(() => undefined)
      .then(() => {
        queuedCheck = undefined;
        return checking ?? startCheck();
      });
    return queuedCheck;
  }

  function write<T>(change: (draft: SandboxState) => Promise<{ result: T; changed: boolean }>): Promise<T> {
    const run = writing.then(async () => {
      for (let attempt = 1; ; attempt++) {
        await fresh();
        const base = version;
        catchUp(state, Date.now());
        const draft = structuredClone(state);
        const { result, changed } = await change(draft);
        if (!changed) return result;
        const saved = persistence ? await persistence.save(accountId, draft, base) : base + 1;
        if (saved !== undefined) {
          if (saved > version) {
            state = draft;
            version = saved;
          }
          return result;
        }
        if (attempt >= MAX_ATTEMPTS)
          throw awsError(
            'ConcurrentModificationException',
            `Account ${accountId} was changed by another server ${MAX_ATTEMPTS} times while this call ran; try again.`,
            409,
          );
      }
    });
    writing = run.catch(() => undefined);
    return run;
  }

  return {
    fresh,
    /** The copy as it is now: the steps of playing operations that have fallen due are applied first. */
    current(): SandboxState {
      catchUp(state, Date.now());
      return state;
    },
    /**
     * Run a change on a draft of the current copy and store it. `change` says whether it changed anything (a refused
     * call changes nothing and is not written). Changes of this process run one at a time.
     */
    write,
    /** Forget the account (a learner's reset): an empty state, stored over whatever is there. */
    reset(): Promise<void> {
      return write(async (draft) => {
        for (const key of Object.keys(draft) as (keyof SandboxState)[]) delete draft[key];
        Object.assign(draft, emptyState(accountId));
        return { result: undefined, changed: true };
      });
    },
    get version() {
      return version;
    },
  };
}

export type AccountCopy = ReturnType<typeof createAccountCopy>;
