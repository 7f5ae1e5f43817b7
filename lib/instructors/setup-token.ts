/**
 * First-run setup creates the first instructor, so it must not be open to whoever reaches the site first. From this
 * machine (a loopback connection) it needs nothing more; from anywhere else it needs the one-time setup token that
 * `npm run setup` (part of `npm start`) writes to `<data dir>/setup-token` and prints while no instructor exists.
 * The token is used up by the setup it allows.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dataDir } from '@/lib/data-dir';

const tokenFile = () => join(dataDir(), 'setup-token');

/** The setup token, created on first call (mode 0600); an existing one is kept, so a restart prints the same. */
export async function ensureSetupToken(): Promise<string> {
  const existing = await readToken();
  if (existing) return existing;
  await mkdir(dataDir(), { recursive: true });
  const token = randomBytes(18).toString('base64url');
  try {
    await writeFile(tokenFile(), `${token}\n`, { mode: 0o600, flag: 'wx' });
    return token;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await readToken()) ?? token;
    throw err;
  }
}

async function readToken(): Promise<string | undefined> {
  try {
    const value = (await readFile(tokenFile(), 'utf8')).trim();
    return value.length >= 16 ? value : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Does `given` match the setup token? Compared in constant time; false when there is no token. */
export async function setupTokenMatches(given: string): Promise<boolean> {
  const token = await readToken();
  if (!token) return false;
  const a = Buffer.from(given.trim());
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Once the first instructor exists the token has done its work. */
export async function discardSetupToken(): Promise<void> {
  await rm(tokenFile(), { force: true });
}
