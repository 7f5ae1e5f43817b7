import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/progress';
import { acquireStoreLock, type LockOwner, StoreLockedError } from '@/lib/progress/store-lock';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'scalelab-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A pid that is certainly not running: a child that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid ?? 999_999;
}

describe('the embedded store’s lock', () => {
  it('refuses a second opener with who holds it and what to do, and frees the store when closed', async () => {
    const dir = join(tempDir(), 'pglite');
    const first = await openStore({ dir, role: 'site' });
    const owner = JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname(), role: 'site' });

    const second = openStore({ dir, role: 'scalelab sandbox deploy' });
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second).rejects.toThrow(
      new RegExp(
        `^The ScaleLab site \\(pid ${process.pid}\\) has the store at .*pglite open since .*\\. Stop it first, or set DATABASE_URL to use PostgreSQL, which many processes can share\\.`,
      ),
    );
    await first.close();
    const again = await openStore({ dir });
    await again.close();
  });

  it('names a CLI owner and asks to wait for it', () => {
    const dir = join(tempDir(), 'pglite');
    const lock = acquireStoreLock(dir, 'scalelab sandbox deploy');
    try {
      expect(() => acquireStoreLock(dir, 'scalelab check')).toThrow(
        /Another ScaleLab process \(pid \d+: scalelab sandbox deploy\) has the store .* Wait for it to finish/,
      );
    } finally {
      lock.release();
    }
  });

  it('takes over a lock whose process is gone (kill -9)', async () => {
    const dir = join(tempDir(), 'pglite');
    const stale: LockOwner = {
      pid: await deadPid(),
      hostname: hostname(),
      startedAt: new Date(0).toISOString(),
      role: 'site',
    };
    writeFileSync(`${dir}.lock`, JSON.stringify(stale));
    const store = await openStore({ dir });
    expect((JSON.parse(readFileSync(`${dir}.lock`, 'utf8')) as LockOwner).pid).toBe(process.pid);
    await store.close();
  });

  it('takes over a lock left by an earlier process with this pid (a restarted container) but not its own', () => {
    const dir = join(tempDir(), 'pglite');
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: process.pid, hostname: hostname(), startedAt: new Date(0).toISOString(), role: 'site' }),
    );
    const lock = acquireStoreLock(dir);
    expect(() => acquireStoreLock(dir)).toThrow(StoreLockedError);
    lock.release();
  });

  it('never takes over a lock held on another host: it cannot tell whether that process lives', () => {
    const dir = join(tempDir(), 'pglite');
    writeFileSync(
      `${dir}.lock`,
      JSON.stringify({ pid: 1, hostname: 'other-host', startedAt: new Date(0).toISOString(), role: 'site' }),
    );
    expect(() => acquireStoreLock(dir)).toThrow(/The ScaleLab site \(pid 1 on other-host\)/);
  });

  it('is a lock only another live process can hold: a second process is refused while the first runs', async () => {
    const dir = join(tempDir(), 'pglite');
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${join(process.cwd(), 'lib/progress/store-lock.ts')}').then((m) => { m.acquireStoreLock(${JSON.stringify(dir)}, 'site'); console.log('held'); setInterval(() => {}, 1000); })`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.on('data', () => resolve()));
      expect(() => acquireStoreLock(dir)).toThrow(new RegExp(`The ScaleLab site \\(pid ${holder.pid}\\)`));
      holder.kill('SIGKILL');
      await new Promise((r) => holder.on('exit', r));
      acquireStoreLock(dir).release();
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
