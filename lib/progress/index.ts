import { type OpenOptions, openDatabase } from './database';
import { createStore, type Store } from './store';

export type { AccountRow, CheckRunRow, OverrideKind, ProgressEvent, QuizAnswerRecord, Store } from './store';
export { RunLimitError } from './store';
export type { StageStatus } from './unlock';
export { stageStatuses } from './unlock';

/** Open a store of its own (tests, the CLI). The app uses `getStore()`. */
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  return createStore(await openDatabase(options));
}

// One store per process, shared by every route module (Next may load this module more than once).
const key = Symbol.for('scalelab.store');
type Holder = { [key]?: Promise<Store> };

/** The process's store: PostgreSQL when DATABASE_URL is set, PGlite under the data dir otherwise. */
export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  holder[key] ??= openStore({ url: process.env.DATABASE_URL || undefined }).then((store) => {
    const close = store.close;
    // Closing the shared store forgets it, so the next getStore() opens a fresh one.
    store.close = async () => {
      delete holder[key];
      await close();
    };
    return store;
  });
  holder[key].catch(() => delete holder[key]);
  return holder[key];
}
