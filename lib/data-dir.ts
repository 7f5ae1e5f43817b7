import { join } from 'node:path';

/** Where ScaleLab keeps its local state (PGlite database, learner-cookie secret, sandbox state): `./.data` by default. */
export function dataDir(): string {
  return process.env.SCALELAB_DATA_DIR ?? join(process.cwd(), '.data');
}
