import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labStackName } from '@/lib/accounts/learner-account';
import { createClients } from '@/lib/aws/clients';
import type { DrillMessage } from '@/lib/gameday/stream';
import { motoAvailable, startMoto } from '../wire/moto';
import { buildLabOnMoto, instanceState, type MotoLab } from './real-lab-on-moto';

vi.mock('server-only', () => ({}));
const session = vi.hoisted(() => ({ learnerId: null as string | null }));
vi.mock('@/lib/session/current-learner', () => ({ currentLearnerId: async () => session.learnerId }));

const hasMoto = motoAvailable();

async function* lines(res: Response): AsyncGenerator<DrillMessage> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) yield JSON.parse(line) as DrillMessage;
  }
}

// The route on a learner whose account is a real one (moto through AWS_ENDPOINT_URL): the drill starts as a job, the
// page can ask for it again, stop it, and another learner cannot follow it.
describe.skipIf(!hasMoto)('POST/GET/DELETE /api/gameday on a real account', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let lab: MotoLab;
  const learner = randomUUID();
  const saved = { ...process.env };
  const dataDir = mkdtempSync(join(tmpdir(), 'scalelab-gameday-route-'));
  let route: typeof import('@/app/api/gameday/route');

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
      SCALELAB_DATA_DIR: dataDir,
    });
    delete process.env.AWS_PROFILE;
    delete process.env.DATABASE_URL;
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    const { getStore } = await import('@/lib/progress');
    const store = await getStore();
    await store.ensureLearner(learner);
    await store.saveAccount({ learnerId: learner, kind: 'profile', region: 'us-east-1' });
    lab = await buildLabOnMoto(
      createClients({ kind: 'profile', regions: ['us-east-1'] }, { region: 'us-east-1', maxAttempts: 1 }),
      labStackName(learner),
    );
    route = await import('@/app/api/gameday/route');
  }, 60_000);

  afterAll(async () => {
    const { getStore } = await import('@/lib/progress');
    await (await getStore()).close();
    moto?.stop();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    route.POST(new Request('http://localhost/api/gameday', { method: 'POST', body: JSON.stringify(body) }));

  it('refuses a sandbox-only drill, starts a real one as a job, follows it again, stops it and lifts nothing it did not break', async () => {
    session.learnerId = learner;
    const spike = await post({ stageId: '03-scale-out', drill: 'traffic-spike', confirm: true });
    expect(spike.status).toBe(409);
    expect(((await spike.json()) as { error: { en: string } }).error.en).toMatch(/runs in the sandbox only/);
    expect(await (await route.GET(new Request('http://localhost/api/gameday'))).json()).toEqual({ real: true });

    const res = await post({ stageId: '02-high-availability', drill: 'az-outage', confirm: true });
    expect(res.status).toBe(200);
    const stream = lines(res);
    const first = (await stream.next()).value as DrillMessage;
    expect(first).toMatchObject({ type: 'start', simulated: false, seconds: 240 });
    const jobId = first.type === 'start' ? (first.jobId ?? '') : '';
    const again = (await (await route.GET(new Request('http://localhost/api/gameday'))).json()) as {
      drill?: { jobId: string; state: string };
    };
    expect(again.drill).toMatchObject({ jobId, state: 'running' });

    // Another learner cannot follow it; a second drill of this learner is refused while it runs.
    session.learnerId = randomUUID();
    expect((await route.GET(new Request(`http://localhost/api/gameday?follow=${jobId}`))).status).toBe(404);
    session.learnerId = learner;
    expect((await post({ stageId: '02-high-availability', drill: 'db-failover', confirm: true })).status).toBe(429);

    expect((await route.DELETE()).status).toBe(202);
    let done: DrillMessage | undefined;
    for await (const m of stream) if (m.type === 'done') done = m;
    expect(done).toMatchObject({ type: 'done', outcome: 'stopped' });
    // Stopped before its failure was due (second 30): nothing was stopped, nothing needed starting.
    expect(
      await instanceState(
        createClients({ kind: 'profile', regions: ['us-east-1'] }, { region: 'us-east-1' }),
        lab.web[0]?.id ?? '',
      ),
    ).toBe('running');
    const followed = route.GET(new Request(`http://localhost/api/gameday?follow=${jobId}`));
    const replayed: DrillMessage[] = [];
    for await (const m of lines(await followed)) replayed.push(m);
    expect(replayed.at(-1)).toMatchObject({ type: 'done', outcome: 'stopped' });
  }, 60_000);
});
