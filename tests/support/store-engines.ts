import { openStore, type Store } from '@/lib/progress';

/** The store's engines to run a suite on: PGlite in memory always, PostgreSQL when DATABASE_URL is set (.ci/run). */
export const storeEngines: [string, () => Promise<Store>][] = [['PGlite', () => openStore({ dir: 'memory://' })]];
if (process.env.DATABASE_URL) storeEngines.push(['PostgreSQL', () => openStore({ url: process.env.DATABASE_URL })]);
