import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import type { DrillUnavailableError } from '@/lib/gameday/load-world';
import { gamedayJobHandler, startRealDrill } from '@/lib/gameday/real/drill-job';
import { drillJob, GAMEDAY_JOB, requestStop } from '@/lib/gameday/real/drill-row';
import { findRealLab, planFault } from '@/lib/gameday/real/faults';
import { followDrill } from '@/lib/gameday/real/follow';
import type { DrillMessage } from '@/lib/gameday/stream';
import { createJobQueue } from '@/lib/jobs/queue';
import { createJobWorker, releaseHeldJobs } from '@/lib/jobs/worker';
import { openStore, type Store } from '@/lib/progress';
import { jobs } from '@/lib/progress/schema';
import { motoAvailable, startMoto } from '../wire/moto';
import { resolvingFetch, startLabAppStandIn } from './lab-app-stand-in';
import { buildLabOnMoto, createStackWithOutputs, instanceState } from './real-lab-on-moto';

vi.mock('server-only', () => ({}));

const hasMoto = motoAvailable();
const REGION = 'us-east-1';
const profile = { kind: 'profile' as const, regions: [REGION] };

describe.skipIf(!hasMoto)('a real-account drill end to end against moto, with a stand-in for the lab app', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let setup: AwsClients;
  let store: Store;
  const saved = { ...process.env };

  beforeAll(async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION });
    delete process.env.AWS_PROFILE;
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    setup = createClients(profile, { region: REGION, maxAttempts: 1 });
    store = await openStore({ dir: 'memory://' });
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    moto?.stop();
    process.env = saved;
  });

  /** A lab on moto, its stand-in, and the drill's clients whose fetch resolves the ALB's name to the stand-in. */
  async function lab(stack: string) {
    const built = await buildLabOnMoto(setup, stack);
    const standIn = await startLabAppStandIn({ clients: setup, instances: built.web, stack });
    const asked: string[] = [];
    const clients = createClients(profile, {
      region: REGION,
      maxAttempts: 1,
      fetch: resolvingFetch(built.albHost, standIn.port, asked),
    });
    return { ...built, standIn, asked, clients };
  }

  it('an AZ outage: traffic only to the AppUrl, the tagged instances of one AZ stopped and started again, the series and verdict', async () => {
    const stack = 'scalelab-drill-az';
    const l = await lab(stack);
    const watched = new Map<string, Set<string>>([[l.bystander, new Set()]]);
    const watch = setInterval(async () => {
      for (const [id, seen] of watched) seen.add((await instanceState(setup, id)) ?? '');
    }, 200);
    try {
      const queue = createJobQueue(store.database, { workerId: 'server-a' });
      const { jobId, done } = await startRealDrill(
        { database: store.database, jobs: queue, secondMs: 40, liftPollMs: 50 },
        l.clients,
        { learnerId: randomUUID(), stageId: '02-high-availability', drill: 'az-outage', stackName: stack },
      );
      const messages: DrillMessage[] = [];
      for await (const m of followDrill(store.database, jobId, { pollMs: 100 })) messages.push(m);
      await done;
      const job = await drillJob(store.database, jobId);
      const record = job?.record;
      expect(job?.state).toBe('done');

      // The plan: the lab's instances in the database's AZ, and the database rebooted with failover (Multi-AZ).
      expect(record?.plan).toMatchObject({
        stop: [l.web[0]?.id],
        az: 'us-east-1a',
        reboot: { id: l.dbId, failover: true },
      });
      // Injected on the tagged instance only, and lifted: stopped during the drill, running again after it.
      expect([...(l.standIn.statesSeen.get(l.web[0]?.id ?? '') ?? [])]).toContain('stopped');
      expect([...(l.standIn.statesSeen.get(l.web[1]?.id ?? '') ?? [])]).toEqual(['running']);
      expect([...(watched.get(l.bystander) ?? [])]).toEqual(['running']);
      expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('running');
      expect(record?.lift?.started).toEqual([l.web[0]?.id]);
      expect(record?.liftedAt).toBe(210);

      // The traffic: every request to the stack's AppUrl, bounded at the drill's 5 a second.
      expect(new Set(l.asked)).toEqual(new Set([`http://${l.albHost}/`]));
      expect([...l.standIn.hostsSeen]).toEqual([l.albHost]);
      expect(l.asked.length).toBe(240 * 5);

      // The same message shapes as a sandbox drill: start, a tick a second, done with the verdict.
      expect(messages[0]).toMatchObject({ type: 'start', drill: 'az-outage', simulated: false, seconds: 240, jobId });
      const ticks = messages.flatMap((m) => (m.type === 'tick' ? [m.tick] : []));
      expect(ticks.map((t) => t.t)).toEqual([...Array(240).keys()]);
      expect(ticks.reduce((a, t) => a + t.requests, 0)).toBe(1200);
      const azsAt = (from: number, to: number) =>
        new Set(
          ticks.filter((t) => t.t >= from && t.t < to).flatMap((t) => Object.keys(t.azs).filter((a) => a !== 'none')),
        );
      expect(azsAt(0, 30)).toEqual(new Set(['us-east-1a', 'us-east-1b']));
      // Once the stand-in has seen the instance stopped and its health checks have failed (a few drill seconds, more
      // on a loaded machine), only 1b answers, for most of the failure window.
      const darkSeconds = ticks.filter((t) => t.t >= 30 && t.t < 210 && !t.azs['us-east-1a']).length;
      expect(darkSeconds).toBeGreaterThan(120);
      expect(azsAt(30, 210)).toContain('us-east-1b');
      expect(azsAt(210, 240)).toEqual(new Set(['us-east-1a', 'us-east-1b']));
      const last = messages.at(-1);
      expect(last?.type).toBe('done');
      if (last?.type !== 'done') return;
      expect(last.outcome).toBe('finished');
      expect(['held', 'blip']).toContain(last.verdict.outcome);
      // Half the requests fail while the stopped instance is still in rotation (a few drill seconds here; on AWS the
      // target group's two failed 30 s health checks): a blip, not an outage.
      expect(last.verdict.servedPct).toBeGreaterThan(75);
      expect(last.verdict.says.en).toMatch(/through the AZ failure/);
      expect(last.events.map((e) => e.kind)).toEqual(['failure', 'detected', 'recovered', 'in-service', 'end']);
      expect(last.verdict.says.en).toMatch(/the ALB routed around the dead targets/);
      expect(last.events[0]?.t).toBe(30);
    } finally {
      clearInterval(watch);
      await l.standIn.stop();
    }
  }, 90_000);

  it('a stop request ends the drill early and lifts the failure; drills that cannot be real and foreign URLs are refused', async () => {
    const stack = 'scalelab-drill-stop';
    const l = await lab(stack);
    try {
      const learnerId = randomUUID();
      const deps = {
        database: store.database,
        jobs: createJobQueue(store.database, { workerId: 'server-a' }),
        secondMs: 20,
      };
      const input = { learnerId, stageId: '03-scale-out' as const, drill: 'az-outage' as const, stackName: stack };
      const { jobId, done } = await startRealDrill(deps, l.clients, input);
      await expect
        .poll(async () => (await drillJob(store.database, jobId))?.record.injected, { timeout: 10_000 })
        .toBe(true);
      expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('stopped');
      expect(await requestStop(store.database, learnerId)).toBe(true);
      await done;
      const record = (await drillJob(store.database, jobId))?.record;
      expect(record?.outcome).toBe('stopped');
      expect(record?.ticks.length).toBeLessThan(200);
      expect(record?.lift?.started).toEqual([l.web[0]?.id]);
      expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('running');

      const refused = (p: Promise<unknown>) =>
        p.then(
          () => undefined,
          (err: DrillUnavailableError) => err.reason?.en,
        );
      expect(await refused(startRealDrill(deps, l.clients, { ...input, drill: 'traffic-spike' }))).toMatch(
        /runs in the sandbox only/,
      );
      expect(await refused(startRealDrill(deps, l.clients, { ...input, drill: 'workers-stop' }))).toMatch(
        /runs in the sandbox only/,
      );
      // A stack whose outputs name a host that is no load balancer of this account: no traffic is sent at all.
      await createStackWithOutputs(setup, 'scalelab-elsewhere', {
        AlbDnsName: 'example.com',
        AppUrl: 'http://example.com/',
      });
      const before = l.asked.length;
      expect(await refused(startRealDrill(deps, l.clients, { ...input, stackName: 'scalelab-elsewhere' }))).toMatch(
        /example\.com is not a load balancer, Elastic IP or CloudFront distribution of the lab stack scalelab-elsewhere/,
      );
      // Another stack's load balancer in the same account (another learner's lab, say) is not this lab's endpoint.
      await createStackWithOutputs(setup, 'scalelab-borrowed', {
        AppUrl: `http://${l.albHost}/`,
        AlbDnsName: l.albHost,
      });
      expect(await refused(startRealDrill(deps, l.clients, { ...input, stackName: 'scalelab-borrowed' }))).toMatch(
        /is not a load balancer, Elastic IP or CloudFront distribution of the lab stack scalelab-borrowed/,
      );
      await createStackWithOutputs(setup, 'scalelab-metadata', { AppUrl: 'http://169.254.169.254/latest/' });
      expect(await refused(startRealDrill(deps, l.clients, { ...input, stackName: 'scalelab-metadata' }))).toMatch(
        /not a public address/,
      );
      expect(l.asked.length).toBe(before);
    } finally {
      await l.standIn.stop();
    }
  }, 60_000);

  it('plans each real drill on the lab’s tagged resources only, and refuses one with nothing to act on', async () => {
    const stack = 'scalelab-drill-plan';
    const built = await buildLabOnMoto(setup, stack);
    const found = await findRealLab(setup, stack);
    expect(found.web.map((i) => i.InstanceId).sort()).toEqual(built.web.map((w) => w.id).sort());
    expect(found.database?.DBInstanceIdentifier).toBe(built.dbId);
    expect(await planFault(setup, 'db-failover', found)).toMatchObject({
      stop: [],
      reboot: { id: built.dbId, failover: true },
    });
    // Outside an Auto Scaling group, the instance is stopped (and started again when the drill lifts it).
    const dies = await planFault(setup, 'instance-dies', found);
    expect(dies.stop).toHaveLength(1);
    expect(built.web.map((w) => w.id)).toContain(dies.stop[0]);
    const outage = await planFault(setup, 'az-outage', found);
    expect(outage.says.en).toBe(
      `us-east-1a goes dark: the lab's instances there stop (${built.web[0]?.id}); the database ${built.dbId} there reboots with failover to its standby.`,
    );
    expect(outage.stop).not.toContain(built.bystander);
    const empty = await findRealLab(setup, 'scalelab-nothing-here');
    const why = (drill: 'az-outage' | 'db-failover' | 'traffic-spike') =>
      planFault(setup, drill, empty).then(
        () => '',
        (err: DrillUnavailableError) => err.reason.en,
      );
    expect(await why('az-outage')).toMatch(/no running instance or database/);
    expect(await why('db-failover')).toMatch(/no database tagged for it/);
    expect(await why('traffic-spike')).toMatch(/sandbox only/);
  }, 30_000);

  it('a clean shutdown hands the drill back: the server going away lifts nothing, the next one lifts and closes it', async () => {
    const stack = 'scalelab-drill-restart';
    const l = await lab(stack);
    const worker = createJobWorker({
      queue: createJobQueue(store.database, { workerId: 'server-b' }),
      handlers: {
        [GAMEDAY_JOB]: gamedayJobHandler({
          database: store.database,
          workerId: () => 'server-b',
          clientsFor: async () => l.clients,
          liftPollMs: 50,
        }),
      },
      pollMs: 100,
    });
    try {
      const queue = createJobQueue(store.database, { workerId: 'server-a' });
      const { jobId, done } = await startRealDrill({ database: store.database, jobs: queue, secondMs: 20 }, l.clients, {
        learnerId: randomUUID(),
        stageId: '02-high-availability',
        drill: 'az-outage',
        stackName: stack,
      });
      await expect
        .poll(async () => (await drillJob(store.database, jobId))?.record.injected, { timeout: 10_000 })
        .toBe(true);
      expect(await releaseHeldJobs()).toBe(1); // lib/jobs/site.ts does this on SIGTERM
      await done;
      expect((await drillJob(store.database, jobId))?.state).toBe('queued');
      expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('stopped');
      worker.start();
      await expect
        .poll(async () => (await drillJob(store.database, jobId))?.state, { timeout: 10_000, interval: 100 })
        .toBe('done');
      const record = (await drillJob(store.database, jobId))?.record;
      expect(record?.outcome).toBe('interrupted');
      expect(record?.lift?.started).toEqual([l.web[0]?.id]);
      expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('running');
    } finally {
      await worker.stop(2_000);
      await l.standIn.stop();
    }
  }, 60_000);

  it.each([
    ['takes the job over', 'taken over'],
    ['finds it out of attempts and abandons it', 'abandoned'],
  ] as const)(
    'kill -9 of the server mid-drill: the failure stays injected until another server %s and lifts it',
    async (_how, mode) => {
      const stack = `scalelab-drill-crash-${mode.replace(' ', '-')}`;
      const l = await lab(stack);
      const dir = mkdtempSync(join(tmpdir(), 'scalelab-drill-crash-'));
      const pglite = join(dir, 'pglite');
      try {
        const child = spawn(
          process.execPath,
          ['--conditions=react-server', '--import', 'tsx', join(__dirname, 'fixtures', 'crashing-drill.ts')],
          {
            env: {
              ...process.env,
              SCALELAB_JOB_STALE_MS: '1000',
              DRILL_PGLITE_DIR: pglite,
              DRILL_ALB_HOST: l.albHost,
              DRILL_STAND_IN_PORT: String(l.standIn.port),
              DRILL_STACK: stack,
              DRILL_LEARNER: randomUUID(),
            },
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let jobId: string;
        try {
          jobId = await new Promise<string>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (d: Buffer) => {
              out += d.toString();
              const line = out.split('\n').find((x) => x.startsWith('{'));
              if (line) resolve((JSON.parse(line) as { jobId: string }).jobId);
            });
            child.on('exit', (code) => reject(new Error(`the drill's server exited with ${code} before injecting`)));
          });
        } finally {
          child.kill('SIGKILL');
          await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.on('exit', r)));
        }
        // The server is gone and its failure is still there: the lab's instance in the AZ stays stopped.
        expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('stopped');

        const restarted = await openStore({ dir: pglite });
        const worker = createJobWorker({
          queue: createJobQueue(restarted.database, { workerId: 'server-b', staleAfterMs: 1000 }),
          handlers: {
            [GAMEDAY_JOB]: gamedayJobHandler({
              database: restarted.database,
              workerId: () => 'server-b',
              clientsFor: async () => l.clients,
              liftPollMs: 50,
            }),
          },
          pollMs: 200,
        });
        try {
          expect((await drillJob(restarted.database, jobId))?.state).toBe('running');
          // As if a second server had taken it over and died as well: the job has used its two attempts.
          if (mode === 'abandoned')
            await restarted.database.db.update(jobs).set({ attempts: 2 }).where(eq(jobs.id, jobId));
          worker.start();
          await expect
            .poll(async () => (await drillJob(restarted.database, jobId))?.state, { timeout: 20_000, interval: 200 })
            .toBe(mode === 'abandoned' ? 'abandoned' : 'done');
          const record = (await drillJob(restarted.database, jobId))?.record;
          expect(record?.outcome).toBe('interrupted');
          expect(record?.lift?.started).toEqual([l.web[0]?.id]);
          expect(record?.verdict).toBeDefined();
          expect(record?.events.at(-1)?.says.en).toMatch(
            mode === 'abandoned'
              ? /The server running the drill stopped after \d+ s \(abandoned after 2 attempt\(s\)/
              : /The server running the drill stopped after \d+ s \(taken over\)/,
          );
          expect(await instanceState(setup, l.web[0]?.id ?? '')).toBe('running');
          expect(await instanceState(setup, l.bystander)).toBe('running');
        } finally {
          await worker.stop(2_000);
          await restarted.close();
        }
      } finally {
        await l.standIn.stop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
