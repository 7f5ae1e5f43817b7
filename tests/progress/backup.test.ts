import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/progress';
import { restoreBackup, writeBackup } from '@/lib/progress/backup';
import { listBackups } from '@/lib/progress/backup-files';
import { StoreOpenError } from '@/lib/progress/database';
import { StoreLockedError } from '@/lib/progress/store-lock';

// Backups are of the embedded store (PGlite) only: a PostgreSQL server is backed up with its own tools. Each test starts
// PGlite on disk several times (seconds of CPU each), so it gets more than the default 30 s beside a parallel file.
describe('backups of the embedded store', { timeout: 90_000 }, () => {
  const root = mkdtempSync(join(tmpdir(), 'scalelab-backup-'));
  const dir = join(root, 'pglite');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('round-trips: back up, damage the store, see the restore command, restore, find the progress again', async () => {
    const learnerId = randomUUID();
    const store = await openStore({ dir });
    await store.ensureLearner(learnerId);
    const first = await writeBackup(store.database, 2);
    const second = await writeBackup(store.database, 2);
    const third = await writeBackup(store.database, 2);
    // Keeps the newest two.
    expect(listBackups(dir).map((b) => b.path)).toEqual([second, third]);
    expect(existsSync(first)).toBe(false);
    await store.close();

    // The workshop's disk hiccups: the control file is gone, PGlite cannot start.
    rmSync(join(dir, 'global', 'pg_control'));
    const opening = openStore({ dir });
    await expect(opening).rejects.toBeInstanceOf(StoreOpenError);
    await expect(opening).rejects.toThrow(
      new RegExp(
        `could not be opened .*Restore the latest backup with: npx scalelab store restore .*${third.split('/').at(-1)}`,
      ),
    );

    const { movedAside } = await restoreBackup(third, dir);
    expect(movedAside && existsSync(movedAside)).toBe(true);
    const restored = await openStore({ dir });
    try {
      expect(await restored.learnerExists(learnerId)).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore while the store is open, and leaves it as it was', async () => {
    const store = await openStore({ dir, role: 'site' });
    try {
      const backup = listBackups(dir).at(-1)?.path ?? '';
      await expect(restoreBackup(backup, dir)).rejects.toBeInstanceOf(StoreLockedError);
      expect(await store.learnerExists(randomUUID())).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('refuses a file that is not a backup and keeps the current store', async () => {
    const learnerId = randomUUID();
    const store = await openStore({ dir });
    await store.ensureLearner(learnerId);
    await store.close();
    const bogus = join(root, 'not-a-backup.tar.gz');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bogus, 'hello');
    await expect(restoreBackup(bogus, dir)).rejects.toThrow(/is not a usable ScaleLab backup/);
    const again = await openStore({ dir });
    try {
      expect(await again.learnerExists(learnerId)).toBe(true);
    } finally {
      await again.close();
    }
  });
});
