import { type Database, type OpenOptions, openDatabase } from './database';
import { createStore, type Store } from './store';

export type { AccountRow, CheckRunRow, OverrideKind, ProgressEvent, QuizAnswerRecord, Store } from './store';
export { RunLimitError } from './store';
export type { StageStatus } from './unlock';
export { stageStatuses } from './unlock';

/** Open a store of its own (tests, the CLI). The app uses `getStore()`. */
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  return createStore(await openDatabase(options));
}

// One database and one store per process, shared by every route module (Next may load this module more than once).
const key = Symbol.for('scalelab.store');
const databaseKey = Symbol.for('scalelab.database');
type Holder = { [key]?: Promise<Store>; [databaseKey]?: Promise<Database> };

/**
 * The process's database: PostgreSQL when DATABASE_URL is set, PGlite under the data dir otherwise. One PGlite data
 * directory can be opened once per process, so every store of the app (this one, the instructor store) shares it.
 */
export function getDatabase(): Promise<Database> {
  const holder = globalThis as Holder;
  holder[databaseKey] ??= openDatabase({ url: process.env.DATABASE_URL || undefined });
  holder[databaseKey].catch(() => delete holder[databaseKey]);
  return holder[databaseKey];
}

/** The process's store, over `getDatabase()`. */
export function getStore(): Promise<Store> {
  const holder = globalThis as Holder;
  holder[key] ??= getDatabase().then((database) => {
    const store = createStore(database);
    const close = store.close;
    // Closing the shared store forgets it (and its database), so the next getStore() opens a fresh one.
    store.close = async () => {
      delete holder[key];
      delete holder[databaseKey];
      await close();
    };
    return store;
  });
  holder[key].catch(() => delete holder[key]);
  return holder[key];
}
