/**
 * How every CLI command opens the store: PostgreSQL when DATABASE_URL is set (many processes can share it), else the
 * embedded PGlite store under SCALELAB_DATA_DIR, which one process owns at a time (lib/progress/store-lock.ts). When
 * the store cannot be opened the command says why and what to do, and stops: it never carries on with a throw-away
 * store, which would print CREATE_COMPLETE for a stack the next command cannot find.
 */
import type { Store } from '@/lib/progress';
import { StoreOpenError } from '@/lib/progress/database';
import { StoreLockedError } from '@/lib/progress/store-lock';

export function storeUrl(): string | undefined {
  return process.env.DATABASE_URL || undefined;
}

/** The store could not be opened; `message` is the whole explanation, for stderr. Exit code 1. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** The root cause's words: Drizzle wraps a refused connection as "Failed query: …" with the real error as its cause. */
function rootMessage(err: unknown): string {
  let e = err as { message?: string; cause?: unknown; code?: string } | undefined;
  while (e && typeof e.cause === 'object' && e.cause) e = e.cause as typeof e;
  const message = e?.message || (e as { errors?: { message: string }[] })?.errors?.[0]?.message || String(err);
  return e?.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

function explain(err: unknown): never {
  if (err instanceof StoreLockedError || err instanceof StoreOpenError) throw new StoreUnavailableError(err.message);
  const url = storeUrl();
  if (url) {
    const host = (() => {
      try {
        return new URL(url).host;
      } catch {
        return 'the server in DATABASE_URL';
      }
    })();
    throw new StoreUnavailableError(
      `Could not open the PostgreSQL store at ${host} (DATABASE_URL): ${rootMessage(err)}. Check that the server runs and the URL is right.`,
    );
  }
  throw new StoreUnavailableError(`Could not open the embedded store: ${rootMessage(err)}.`);
}

/** The learner store, for the command's role in the lock (`scalelab sandbox deploy`). */
export async function openCliStore(): Promise<Store> {
  const { openStore } = await import('@/lib/progress');
  const url = storeUrl();
  return openStore(url ? { url } : {}).catch(explain);
}

/** The learner and instructor stores over one database (`scalelab instructor create`). */
export async function openCliStores() {
  const { openInstructorStores } = await import('@/lib/progress/instructor-store');
  const url = storeUrl();
  return openInstructorStores(url ? { url } : {}).catch(explain);
}
