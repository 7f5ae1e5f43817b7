import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

// kill -9 of a site mid-launch and mid-check-run, then a restarted site (PGlite: the same data directory; PostgreSQL:
// another server on the same database) that starts, keeps every row and shows the true state within 30 s.
const engines: [string, string | undefined][] = [['PGlite', undefined]];
if (process.env.DATABASE_URL) engines.push(['PostgreSQL', process.env.DATABASE_URL]);

const STALE_MS = 2000;

interface Started {
  launcher: string;
  checker: string;
  operationId: string;
  runId: string;
}

async function crashingSite(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', join(__dirname, 'fixtures', 'crashing-site.ts')],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const json = out.split('\n').find((l) => l.startsWith('{'));
        if (json) resolve(json);
      });
      child.on('exit', (code) => reject(new Error(`the site exited with ${code} before starting its work`)));
    });
    return JSON.parse(line) as Started;
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.on('exit', r)));
  }
}

describe.each(engines)('kill -9 mid-launch and mid-check-run on %s', (_name, url) => {
  it('a restarted site starts, keeps the progress and shows the stack’s and the run’s true state within 30 s', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scalelab-crash-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      SCALELAB_DATA_DIR: dataDir,
      SCALELAB_JOB_STALE_MS: String(STALE_MS),
      SCALELAB_SANDBOX_SPEED: '0.05',
    };
    if (url) env.DATABASE_URL = url;
    else delete env.DATABASE_URL;
    const started = await crashingSite(env);
    Object.assign(process.env, { SCALELAB_DATA_DIR: dataDir, SCALELAB_JOB_STALE_MS: String(STALE_MS) });
    if (url) process.env.DATABASE_URL = url;
    else delete process.env.DATABASE_URL;

    const { getStore } = await import('@/lib/progress');
    const { appJobHandlers } = await import('@/lib/jobs/app-handlers');
    const { createJobWorker } = await import('@/lib/jobs/worker');
    const restartedAt = Date.now();
    const store = await getStore(); // PGlite: takes over the dead site's lock, recovers the store
    const worker = createJobWorker({ queue: store.jobs, handlers: appJobHandlers(store), pollMs: 200 });
    try {
      expect(await store.learnerExists(started.launcher)).toBe(true);
      expect((await store.stackOperation(started.operationId))?.status).toBe('CREATE_IN_PROGRESS');
      expect((await store.checkRun(started.runId))?.status).toBe('running');
      worker.start();
      await expect
        .poll(async () => (await store.stackOperation(started.operationId))?.status, { timeout: 30_000, interval: 250 })
        .toBe('CREATE_COMPLETE');
      await expect
        .poll(async () => (await store.checkRun(started.runId))?.status, { timeout: 30_000, interval: 250 })
        .toBe('finished');
      expect(Date.now() - restartedAt).toBeLessThan(30_000);
      // Run again from the start by the new server: the stage's checks judged the (empty) account.
      expect((await store.checkRun(started.runId))?.results.length).toBeGreaterThan(0);
    } finally {
      await worker.stop();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
