/**
 * Lab-page weight: JavaScript bytes (compressed as served and raw) that Chromium downloads for the journey page and a
 * lab page, from a production build. Needs `npm run build` first; says so and skips otherwise.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../tests/e2e/browser';

async function waitUp(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error('server exited');
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${url}`);
}

export async function benchSite(): Promise<Record<string, number | string>> {
  if (!existsSync('.next/BUILD_ID')) return { skipped: 'no production build: run `npm run build` first' };
  const port = 3900 + Math.floor(Math.random() * 90);
  const dataDir = mkdtempSync(join(tmpdir(), 'scalelab-bench-'));
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, SCALELAB_DATA_DIR: dataDir },
    stdio: 'ignore',
    detached: true,
  });
  const base = `http://127.0.0.1:${port}`;
  const figures: Record<string, number | string> = {};
  const browser = await launchChromium();
  try {
    await waitUp(`${base}/en`, server);
    for (const [name, path] of [
      ['journey', '/en'],
      ['lab 00', '/en/labs/00-one-user'],
    ] as const) {
      const page = await browser.newPage();
      let js = 0;
      let jsRaw = 0;
      let requests = 0;
      page.on('response', async (res) => {
        requests += 1;
        if (!res.url().endsWith('.js') && !(res.headers()['content-type'] ?? '').includes('javascript')) return;
        const sizes = await res.request().sizes();
        js += sizes.responseBodySize;
        jsRaw += (await res.body().catch(() => Buffer.alloc(0))).length;
      });
      const t = Date.now();
      await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
      figures[`${name}: load to network idle (ms)`] = Date.now() - t;
      figures[`${name}: JavaScript transferred (KiB)`] = Math.round(js / 1024);
      figures[`${name}: JavaScript uncompressed (KiB)`] = Math.round(jsRaw / 1024);
      figures[`${name}: requests`] = requests;
      const html = await (await fetch(`${base}${path}`)).text();
      figures[`${name}: HTML (KiB)`] = Math.round(Buffer.byteLength(html) / 1024);
      await page.close();
    }
  } finally {
    await browser.close();
    // The site takes a last backup and closes its store on SIGTERM: wait for that before removing its data.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 25_000))]);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchSite());
}
