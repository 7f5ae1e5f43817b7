import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCheck } from '@/cli/commands/check';
import type { CommandIo } from '@/cli/commands/grade';
import { runCreate } from '@/cli/commands/instructor';
import { cliSandbox } from '@/cli/commands/sandbox';
import { storeRestore, storeStatus } from '@/cli/commands/store';
import { openStore } from '@/lib/progress';

function capture(): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), isTTY: false };
}

describe('the CLI and the store', () => {
  let dir: string;
  const saved = { data: process.env.SCALELAB_DATA_DIR, url: process.env.DATABASE_URL };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scalelab-cli-store-'));
    process.env.SCALELAB_DATA_DIR = dir;
  });
  afterEach(() => {
    if (saved.data === undefined) delete process.env.SCALELAB_DATA_DIR;
    else process.env.SCALELAB_DATA_DIR = saved.data;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops with who has the embedded store open and what to do, instead of opening it a second time', async () => {
    delete process.env.DATABASE_URL;
    const site = await openStore({ dir: join(dir, 'pglite'), role: 'site' });
    try {
      const refusal = new RegExp(
        `^The ScaleLab site \\(pid ${process.pid}\\) has the store at .*pglite open since .*\\. Stop it first, or set DATABASE_URL to use PostgreSQL, which many processes can share\\.`,
      );
      const lines: string[] = [];
      expect(
        await runCreate('lead@example.com', { password: 'a long enough password', err: (l) => lines.push(l) }),
      ).toBe(1);
      expect(lines.join('\n')).toMatch(refusal);

      const io = capture();
      expect(await runCheck({ stage: '00', sandbox: '123456789012', stack: 'scalelab-me' }, io)).toBe(1);
      expect(io.err.join('')).toMatch(refusal);
      expect(io.out).toEqual([]); // no report from a throw-away sandbox

      await expect(cliSandbox('123456789012', 0)).rejects.toThrow(refusal);

      const status = capture();
      storeStatus(status);
      expect(status.out.join('')).toMatch(new RegExp(`Open by: site \\(pid ${process.pid} on `));

      const restore = capture();
      expect(await storeRestore(__filename, restore)).toBe(1);
      expect(restore.err.join('')).toMatch(refusal);
    } finally {
      await site.close();
    }
  });

  it('uses DATABASE_URL for the sandbox of `check --sandbox`, and says so when that server cannot be reached', async () => {
    process.env.DATABASE_URL = 'postgres://scalelab@127.0.0.1:1/nowhere';
    const io = capture();
    expect(await runCheck({ stage: '00', sandbox: '123456789012', stack: 'scalelab-me' }, io)).toBe(1);
    expect(io.err.join('')).toMatch(
      /^Could not open the PostgreSQL store at 127\.0\.0\.1:1 \(DATABASE_URL\): .*Check that the server runs/,
    );
  });

  it.runIf(saved.url)('keeps what `sandbox deploy` made in the PostgreSQL store of DATABASE_URL', async () => {
    process.env.DATABASE_URL = saved.url;
    const accountId = String(Date.now()).slice(-12).padStart(12, '1');
    const sandbox = await cliSandbox(accountId, 0);
    await sandbox.reset(); // saves the (empty) account through the store
    await sandbox.close();
    const store = await openStore({ url: saved.url });
    try {
      expect(await store.loadSandboxState(accountId)).toMatchObject({ version: 1 });
    } finally {
      await store.close();
    }
  });
});
