import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '@/lib/data-dir';

let cached: Promise<string> | undefined;

/**
 * The server secret that signs learner cookies: `SCALELAB_SECRET`, or one generated on first run into
 * `<data dir>/secret` (mode 0600) so sessions survive restarts. Several servers behind one load balancer
 * must share `SCALELAB_SECRET`.
 */
export function getSecret(): Promise<string> {
  cached ??= loadSecret().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function loadSecret(): Promise<string> {
  const fromEnv = process.env.SCALELAB_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('SCALELAB_SECRET must be at least 32 characters long.');
    return fromEnv;
  }
  const file = join(dataDir(), 'secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 'wx': if another process created it first, read theirs instead of overwriting it.
  try {
    await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw err;
  }
}

/** Tests only: forget the cached secret (after changing SCALELAB_SECRET or SCALELAB_DATA_DIR). */
export function resetSecretCache(): void {
  cached = undefined;
}
