import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where the embedded store's backups live: `<data dir>/backups/pglite-<UTC time>.tar.gz`, next to the store's own
 * directory, newest last by name. Plain synchronous helpers: the error path of opening a store uses them too.
 */
export function backupsDir(storeDir: string): string {
  return join(dirname(storeDir), 'backups');
}

const pattern = /^(.+)-(\d{8}T\d{6}(?:\d{3})?Z)\.tar\.gz$/;

/** A file name that sorts by time: `pglite-20250301T101500123Z.tar.gz`. */
export function backupName(storeDir: string, at = new Date()): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '');
  return `${basename(storeDir)}-${stamp}.tar.gz`;
}

export interface BackupFile {
  path: string;
  at: Date;
  bytes: number;
}

/** This store's backups, oldest first. */
export function listBackups(storeDir: string): BackupFile[] {
  const dir = backupsDir(storeDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const m = pattern.exec(name);
      if (!m || m[1] !== basename(storeDir)) return [];
      const s = m[2] ?? '';
      const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18) || '000'}Z`;
      const path = join(dir, name);
      return [{ path, at: new Date(iso), bytes: statSync(path).size }];
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function latestBackup(storeDir: string): string | undefined {
  return listBackups(storeDir).at(-1)?.path;
}
