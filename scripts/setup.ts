/**
 * `npm run setup` (part of `npm start`): create the data directory, the learner-cookie secret and the database schema,
 * so the first page view does no set-up work. PGlite under ./.data by default; PostgreSQL when DATABASE_URL is set.
 */
import { getSecret } from '@/lib/identity';
import { getStore } from '@/lib/progress';

const started = Date.now();
await getSecret();
const store = await getStore();
await store.close();
const where = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `PGlite in ${process.env.SCALELAB_DATA_DIR ?? '.data'}`;
console.log(`ScaleLab store ready: ${where}, migrated in ${Date.now() - started} ms.`);
