/**
 * `npm run setup` (part of `npm start`): create the data directory, the learner-cookie secret and the database schema,
 * so the first page view does no set-up work. PGlite under ./.data by default; PostgreSQL when DATABASE_URL is set.
 * The embedded store has one owner at a time: with the site already running this stops and says so.
 */
import { getSecret } from '@/lib/identity';
import { getStore } from '@/lib/progress';
import { StoreOpenError } from '@/lib/progress/database';
import { StoreLockedError } from '@/lib/progress/store-lock';

const started = Date.now();
await getSecret();
try {
  const store = await getStore();
  await store.close();
} catch (err) {
  if (!(err instanceof StoreLockedError || err instanceof StoreOpenError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const where = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `PGlite in ${process.env.SCALELAB_DATA_DIR ?? '.data'}`;
console.log(`ScaleLab store ready: ${where}, migrated in ${Date.now() - started} ms.`);
