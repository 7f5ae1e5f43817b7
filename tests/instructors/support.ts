import { randomUUID } from 'node:crypto';
import type { ScryptCost } from '@/lib/instructors/password';
import { openInstructorStores } from '@/lib/progress/instructor-store';

/** Cheap scrypt for tests that need many instructors; the production cost is tested in password.test.ts. */
export const TEST_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

export type Stores = Awaited<ReturnType<typeof openInstructorStores>>;

/** The same tests on PGlite (always) and on PostgreSQL (when DATABASE_URL is set). */
export const engines: [string, () => Promise<Stores>][] = [
  ['PGlite', () => openInstructorStores({ dir: 'memory://' })],
];
if (process.env.DATABASE_URL) {
  engines.push(['PostgreSQL', () => openInstructorStores({ url: process.env.DATABASE_URL })]);
}

export const uniqueEmail = (name = 'teacher') => `${name}-${randomUUID().slice(0, 8)}@example.com`;
