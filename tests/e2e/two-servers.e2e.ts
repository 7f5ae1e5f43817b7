/**
 * Two `next start` servers of the built site (`npm run build`) sharing one PostgreSQL, no sticky sessions: what a
 * learner starts on server A is streamed live by server B, and when A is killed (-9) mid-launch, B takes the stack's
 * follow job over and the learner sees the stack's true end on B within 30 s. Starts its own PostgreSQL
 * (scripts/pg-local.sh, Debian's postgresql package) and stops it after. Opt-in, as it needs that package and takes a
 * minute: `SCALELAB_E2E_TWO_SERVERS=1 npx vitest run --config vitest.e2e.config.ts tests/e2e/two-servers.e2e.ts`
 * (.ci/run does, after `npm test` has built the site).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newLearnerContext } from './browser';

const postgresBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .filter((d) => existsSync(`${d}/pg_ctl`))
      .sort()
      .at(-1)
  : undefined;
const asked = process.env.SCALELAB_E2E_TWO_SERVERS === '1';
const skipReason = !asked
  ? 'set SCALELAB_E2E_TWO_SERVERS=1 to run it (.ci/run does, after npm test)'
  : !postgresBin
    ? 'PostgreSQL is not installed on this machine (apt-get install -y postgresql)'
    : !existsSync('.next/BUILD_ID')
      ? 'there is no production build (npm run build)'
      : undefined;
if (skipReason) console.warn(`two-servers e2e skipped: ${skipReason}.`);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Server {
  name: string;
  url: string;
  process: ChildProcess;
  log: string;
}

const root = mkdtempSync(join(tmpdir(), 'scalelab-two-servers-'));
let databaseUrl = '';
let pgDir = '';
const servers: Server[] = [];

async function startServer(name: string): Promise<Server> {
  const port = await freePort();
  const log = join(root, `${name}.log`);
  const out = openSync(log, 'a');
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SCALELAB_DATA_DIR: mkdtempSync(join(root, `${name}-data-`)),
      // Both servers sign and read the same learner cookie.
      SCALELAB_SECRET: 'two-servers-e2e-secret-0123456789abcdef',
      // A launch plays for several seconds, so a server can be killed in the middle of one.
      SCALELAB_SANDBOX_SPEED: '0.15',
      SCALELAB_CHECK_COOLDOWN_MS: '1000',
      // A stopped server's job is taken over after 5 s without a heartbeat; each server looks every second.
      SCALELAB_JOB_STALE_MS: '5000',
      SCALELAB_JOB_POLL_MS: '1000',
    },
    stdio: ['ignore', out, out],
    detached: true,
  });
  const server = { name, url: `http://127.0.0.1:${port}`, process: child, log };
  servers.push(server);
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server ${name} exited: ${readFileSync(log, 'utf8').slice(-2000)}`);
    try {
      if ((await fetch(`${server.url}/en`, { redirect: 'manual' })).status < 500) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server ${name} did not answer within 90 s: ${readFileSync(log, 'utf8').slice(-2000)}`);
}

/** kill -9 the server's whole process group (npx and the Next server under it): no shutdown handler runs. */
function killHard(server: Server) {
  if (!server.process.pid || server.process.exitCode !== null) return;
  try {
    process.kill(-server.process.pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

const status = (page: Page) => page.locator('[data-stack-card] [data-stack-status]').getAttribute('data-stack-status');
const waitForStatus = (page: Page, value: string, timeout: number) =>
  page.waitForFunction(
    (s) => document.querySelector('[data-stack-card] [data-stack-status]')?.getAttribute('data-stack-status') === s,
    value,
    { timeout },
  );

async function launchOn(page: Page, server: Server) {
  await page.goto(`${server.url}/en/labs/00-one-user`);
  const card = page.locator('[data-stack-card]');
  await card.getByRole('button', { name: 'Preview the launch' }).click();
  await card.locator('[data-change-set]').waitFor({ timeout: 60_000 });
  await card.getByRole('button', { name: 'Deploy' }).click();
  await waitForStatus(page, 'CREATE_IN_PROGRESS', 30_000);
}

describe.skipIf(Boolean(skipReason))('two servers sharing one PostgreSQL, no sticky sessions', () => {
  let browser: Browser;
  let a: Server;
  let b: Server;
  let db: pg.Client;

  beforeAll(async () => {
    const out = execFileSync('scripts/pg-local.sh', {
      env: { ...process.env, SCALELAB_PG_PORT: String(await freePort()) },
      encoding: 'utf8',
    });
    databaseUrl = /DATABASE_URL=(\S+)/.exec(out)?.[1] ?? '';
    pgDir = /SCALELAB_PG_DIR=(\S+)/.exec(out)?.[1] ?? '';
    // One server migrates the fresh database first, then the other starts on it.
    a = await startServer('a');
    b = await startServer('b');
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end();
    for (const s of servers) killHard(s);
    if (pgDir && postgresBin) {
      const stop = [`${postgresBin}/pg_ctl`, '-D', pgDir, 'stop', '-m', 'immediate'];
      const [cmd, ...args] = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...stop] : stop;
      try {
        execFileSync(cmd!, args, { stdio: 'ignore' });
      } catch {
        // already stopped
      }
      rmSync(join(pgDir, '..'), { recursive: true, force: true });
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('streams on server B the launch and the check run a learner started on server A', async () => {
    const ctx: BrowserContext = await newLearnerContext(browser);
    const onA = await ctx.newPage();
    await launchOn(onA, a);
    // The learner's next request lands on B (a reload behind a load balancer): B follows A's launch live.
    const onB = await ctx.newPage();
    await onB.goto(`${b.url}/en/labs/00-one-user`);
    await expect(status(onB)).resolves.toBe('CREATE_IN_PROGRESS');
    await waitForStatus(onB, 'CREATE_COMPLETE', 60_000);
    await expect(onB.locator('[data-stack-events] li').count()).resolves.toBeGreaterThan(5);

    // A check run started on A: B serves its results from the store (LISTEN/NOTIFY) and they pass on A's stack.
    await onA.goto(`${a.url}/en/labs/00-one-user`);
    await onA.locator('[data-check-panel]').getByRole('button', { name: 'Run checks' }).click();
    let runId: string | undefined;
    for (let i = 0; i < 100 && !runId; i++) {
      ({
        rows: [{ id: runId } = { id: undefined }],
      } = await db.query<{ id: string }>('select id from check_runs order by started_at desc limit 1'));
      if (!runId) await new Promise((r) => setTimeout(r, 100));
    }
    expect(runId, 'the check run started on A is stored').toBeTruthy();
    const cookie = (await ctx.cookies(b.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await fetch(`${b.url}/api/check-runs/${runId}/events`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const text = await res.text(); // the stream ends with the run's `done`
    const done = text
      .split('\n\n')
      .map((chunk) => chunk.replace(/^data: /, ''))
      .filter((chunk) => chunk.startsWith('{'))
      .map((chunk) => JSON.parse(chunk) as { type: string; run?: { allRequiredPassed?: boolean } })
      .find((e) => e.type === 'done');
    expect(done?.run?.allRequiredPassed).toBe(true);
    await ctx.close();
  });

  it('finishes on server B, within 30 s, a launch whose server A was killed (-9) mid-way', async () => {
    const ctx = await newLearnerContext(browser);
    const onA = await ctx.newPage();
    await launchOn(onA, a);
    const { rows: ops } = await db.query<{ id: string }>(
      'select id from stack_operations where finished_at is null order by started_at desc limit 1',
    );
    const operationId = ops[0]?.id;
    expect(operationId).toBeTruthy();
    const killedAt = Date.now();
    killHard(a);
    await onA.close();

    // The stored operation (what the instructor's roster shows) ends as the stack really ended, followed by B.
    let op: { status: string; finished_at: Date | null } | undefined;
    while (Date.now() - killedAt < 30_000) {
      ({
        rows: [op],
      } = await db.query('select status, finished_at from stack_operations where id = $1', [operationId]));
      if (op?.finished_at) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(op?.finished_at, 'the operation was closed within 30 s of the kill').toBeTruthy();
    expect(op?.status).toBe('CREATE_COMPLETE');
    const { rows: jobs } = await db.query<{ state: string; attempts: number }>(
      "select state, attempts from jobs where kind = 'stack-follow' and key = $1",
      [operationId],
    );
    expect(jobs).toEqual([{ state: 'done', attempts: 2 }]);

    // The learner, now on B, sees the stack as it is, and B's checks pass on it.
    const onB = await ctx.newPage();
    await onB.goto(`${b.url}/en/labs/00-one-user`);
    await waitForStatus(onB, 'CREATE_COMPLETE', 30_000);
    await onB.locator('[data-check-panel]').getByRole('button', { name: 'Run checks' }).click();
    await onB.waitForFunction(
      () => document.querySelector('[data-run-outcome]')?.getAttribute('data-run-outcome') === 'passed',
      undefined,
      { timeout: 30_000 },
    );
    await ctx.close();
  });
});
