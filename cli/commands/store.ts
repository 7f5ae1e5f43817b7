/**
 * `scalelab store status | backup | restore <file>`: the embedded store's owner, its backups, and putting a backup
 * back. The site keeps rolling backups under `<data dir>/backups` (lib/progress/backup.ts); a PostgreSQL store
 * (DATABASE_URL) is backed up with PostgreSQL's own tools.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { listBackups } from '@/lib/progress/backup-files';
import { pgliteDir } from '@/lib/progress/database';
import { displayPath, isStale, readLock, StoreLockedError } from '@/lib/progress/store-lock';
import type { CommandIo } from './grade';
import { processIo } from './grade';

export function register(program: Command): void {
  const store = program.command('store').description('The embedded store: who has it open, backups, restore');
  store
    .command('status')
    .description('Show which store the commands use, who has it open, and its backups')
    .action(() => {
      process.exitCode = storeStatus();
    });
  store
    .command('backup')
    .description('Write a backup of the embedded store now (the site also keeps rolling backups)')
    .action(async () => {
      process.exitCode = await storeBackup();
    });
  store
    .command('restore <file>')
    .description('Replace the embedded store with a backup (the current one is moved aside, never deleted)')
    .action(async (file: string) => {
      process.exitCode = await storeRestore(file);
    });
}

function postgresRefusal(io: CommandIo, what: string): number | undefined {
  if (!process.env.DATABASE_URL) return undefined;
  io.stderr(
    `DATABASE_URL is set: the store is a PostgreSQL server, which ScaleLab does not ${what}. Use PostgreSQL's own tools (pg_dump / pg_restore, or your provider's snapshots); unset DATABASE_URL to work on the embedded store.\n`,
  );
  return 2;
}

export function storeStatus(io: CommandIo = processIo()): number {
  if (process.env.DATABASE_URL) {
    io.stdout('Store: PostgreSQL (DATABASE_URL); any number of ScaleLab processes can share it.\n');
    return 0;
  }
  const dir = pgliteDir();
  io.stdout(`Store: embedded PGlite at ${displayPath(dir)}${existsSync(dir) ? '' : ' (not created yet)'}\n`);
  const owner = readLock(`${dir}.lock`);
  if (!owner) io.stdout('Open by: nobody\n');
  else
    io.stdout(
      `Open by: ${owner.role} (pid ${owner.pid} on ${owner.hostname}, since ${owner.startedAt})${isStale(owner) ? ' — stale: that process is gone, the next opener takes over' : ''}\n`,
    );
  const backups = listBackups(dir);
  io.stdout(backups.length ? 'Backups (oldest first):\n' : 'Backups: none yet\n');
  for (const b of backups)
    io.stdout(`  ${displayPath(b.path)}  ${b.at.toISOString()}  ${(b.bytes / 1e6).toFixed(1)} MB\n`);
  if (backups.length)
    io.stdout(`Restore one with: npx scalelab store restore ${displayPath(backups.at(-1)?.path ?? '')}\n`);
  return 0;
}

export async function storeBackup(io: CommandIo = processIo()): Promise<number> {
  const refused = postgresRefusal(io, 'back up');
  if (refused) return refused;
  const { openCliStore, StoreUnavailableError } = await import('../store');
  const { writeBackup, backupSettings } = await import('@/lib/progress/backup');
  let store: Awaited<ReturnType<typeof openCliStore>>;
  try {
    store = await openCliStore();
  } catch (err) {
    if (!(err instanceof StoreUnavailableError)) throw err;
    io.stderr(`${err.message}\n`);
    return 1;
  }
  try {
    const file = await writeBackup(store.database, backupSettings().keep);
    io.stdout(`Backed up to ${displayPath(file)}.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function storeRestore(file: string, io: CommandIo = processIo()): Promise<number> {
  const refused = postgresRefusal(io, 'restore');
  if (refused) return refused;
  if (!existsSync(file)) {
    io.stderr(`No backup file ${file}. \`npx scalelab store status\` lists the backups.\n`);
    return 2;
  }
  const { restoreBackup } = await import('@/lib/progress/backup');
  const dir = pgliteDir();
  try {
    const { movedAside } = await restoreBackup(file, dir);
    io.stdout(
      `Restored ${displayPath(dir)} from ${file}.${movedAside ? ` The store it replaced is kept at ${displayPath(movedAside)}.` : ''}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof StoreLockedError) {
      io.stderr(`${err.message}\n`);
      return 1;
    }
    io.stderr(`${(err as Error).message}\n`);
    return 1;
  }
}
