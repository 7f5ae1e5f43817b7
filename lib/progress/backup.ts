import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { backupName, backupsDir, listBackups } from './backup-files';
import type { Database } from './database';
import { acquireStoreLock } from './store-lock';

/**
 * Rolling backups of the embedded store. PGlite writes its whole data directory as a gzipped tarball
 * (`dumpDataDir`) from inside the process that has it open, so a backup never needs the site stopped; a
 * backup is loaded back with PGlite's `loadDataDir` option. PostgreSQL servers are backed up by their operator
 * (pg_dump, snapshots), so these functions are for PGlite only.
 */
export const BACKUP_DEFAULTS = { keep: 10, intervalMs: 15 * 60_000 };

export function backupSettings(env = process.env) {
  const keep = Number(env.SCALELAB_BACKUP_KEEP ?? BACKUP_DEFAULTS.keep);
  const minutes = Number(env.SCALELAB_BACKUP_MINUTES ?? BACKUP_DEFAULTS.intervalMs / 60_000);
  return {
    keep: Number.isInteger(keep) && keep >= 1 ? keep : BACKUP_DEFAULTS.keep,
    // 0 turns the timer off (backups at clean shutdown still happen).
    intervalMs: Number.isFinite(minutes) && minutes >= 0 ? minutes * 60_000 : BACKUP_DEFAULTS.intervalMs,
  };
}

/** Write one backup of an open embedded store, then keep only the newest `keep`. Returns its path. */
export async function writeBackup(database: Database, keep = BACKUP_DEFAULTS.keep): Promise<string> {
  if (!database.embedded) throw new Error('Only the embedded store (PGlite) is backed up by ScaleLab.');
  const { dir, dump } = database.embedded;
  const folder = backupsDir(dir);
  await mkdir(folder, { recursive: true });
  const path = join(folder, backupName(dir));
  const tarball = await dump();
  // Written aside and renamed, so a crash mid-write never leaves a truncated "latest" backup.
  await writeFile(`${path}.partial`, tarball);
  await rename(`${path}.partial`, path);
  const all = listBackups(dir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) await unlink(old.path).catch(() => undefined);
  return path;
}

/** Back up every `intervalMs` while the store is open; returns the function that stops it. */
export function scheduleBackups(
  database: Database,
  options: { intervalMs: number; keep: number; onError?: (err: Error) => void },
): () => void {
  if (!database.embedded || options.intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    writeBackup(database, options.keep)
      .catch((err: Error) => options.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Replace the store at `dir` with a backup (`scalelab store restore <file>`). Refused while anything has the store
 * open (the lock). The current directory is moved aside to `<dir>.before-restore-<time>`, never deleted; the backup
 * is loaded into a fresh directory and opened once to prove it works before the command reports success.
 */
export async function restoreBackup(file: string, dir: string): Promise<{ movedAside?: string }> {
  const tarball = await readFile(file);
  const lock = acquireStoreLock(dir, 'scalelab store restore');
  const aside = `${dir}.before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`;
  let moved = false;
  try {
    if (existsSync(dir)) {
      await rename(dir, aside);
      moved = true;
    }
    const { PGlite } = await import('@electric-sql/pglite');
    try {
      const client = await PGlite.create(dir, { loadDataDir: new Blob([tarball]) });
      await client.query('SELECT 1');
      await client.close();
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      if (moved) await rename(aside, dir);
      moved = false;
      throw new Error(
        `${file} is not a usable ScaleLab backup (${(err as Error).message}); the store was left as it was.`,
      );
    }
    return moved ? { movedAside: aside } : {};
  } finally {
    lock.release();
  }
}
