import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobQueue } from '@/lib/jobs/queue';
import { createJobWorker, type JobHandler } from '@/lib/jobs/worker';
import type { Store } from '@/lib/progress';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { STACK_FOLLOW_JOB, stackFollowJobHandler } from '@/lib/stacks/record-operation';
import { storeEngines } from '../support/store-engines';

const STALE_MS = 400;
const kindOf = (name: string) => `test-${name}-${randomUUID().slice(0, 8)}`;

describe.each(storeEngines)('jobs on %s', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });
  const queue = (workerId: string) => createJobQueue(store.database, { workerId, staleAfterMs: STALE_MS });

  it('leaves a job alone while its worker’s heartbeat is fresh, and hands it to another once it stops', async () => {
    const kind = kindOf('handoff');
    const a = queue('server-a');
    const b = queue('server-b');
    const job = await a.startHeld({ kind, key: 'k1', payload: { n: 1 } });
    expect(await b.claim([kind])).toBeUndefined();
    expect(await a.heartbeat(job.id)).toBe(true);
    await new Promise((r) => setTimeout(r, STALE_MS + 200)); // server A is killed: no more heartbeats
    const taken = await b.claim([kind]);
    expect(taken).toMatchObject({ id: job.id, lockedBy: 'server-b', attempts: 2, state: 'running' });
    // Server A comes back from a pause: it has lost the job and may write nothing.
    expect(await a.heartbeat(job.id)).toBe(false);
    expect(await a.complete(job.id)).toBe(false);
    expect(await b.complete(job.id)).toBe(true);
    expect((await b.get(job.id))?.state).toBe('done');
  });

  it('gives each queued job to exactly one of several workers polling at once (SKIP LOCKED)', async () => {
    const kind = kindOf('race');
    const producer = queue('producer');
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => producer.enqueue({ kind, key: `k${i}` })));
    // Claimed jobs get no heartbeat here: with the short STALE_MS a loaded machine would see them go stale mid-loop
    // and hand them out again (that is the hand-off test's subject, not this one's).
    const workers = ['w1', 'w2', 'w3'].map((id) =>
      createJobQueue(store.database, { workerId: id, staleAfterMs: 60_000 }),
    );
    const taken: string[] = [];
    await Promise.all(
      workers.map(async (w) => {
        for (;;) {
          const job = await w.claim([kind]);
          if (!job) return;
          taken.push(job.id);
        }
      }),
    );
    expect(taken.sort()).toEqual(ids.map((j) => j.id).sort());
  });

  it('keeps one open job per piece of work', async () => {
    const kind = kindOf('unique');
    await queue('a').enqueue({ kind, key: 'same' });
    await expect(queue('b').enqueue({ kind, key: 'same' })).rejects.toThrow();
  });

  it('resumes a job whose server stopped on a worker of another server', async () => {
    const kind = kindOf('resume');
    const job = await queue('crashed').startHeld({ kind, key: 'k', payload: { step: 'half-way' } });
    const seen: { attempts: number; payload: unknown }[] = [];
    const handler: JobHandler = {
      run: async (j) => void seen.push({ attempts: j.attempts, payload: j.payload }),
      abandon: async () => {
        throw new Error('not expected');
      },
    };
    const worker = createJobWorker({ queue: queue('survivor'), handlers: { [kind]: handler }, pollMs: 100 });
    worker.start();
    try {
      await expect.poll(async () => (await store.jobs.get(job.id))?.state, { timeout: 5_000 }).toBe('done');
    } finally {
      await worker.stop();
    }
    expect(seen).toEqual([{ attempts: 2, payload: { step: 'half-way' } }]);
  });

  it('closes a job as abandoned once its servers have stopped more often than it may be tried', async () => {
    const kind = kindOf('abandon');
    const job = await queue('crashed').startHeld({ kind, key: 'run-1', maxAttempts: 1 });
    const abandoned: string[] = [];
    const handler: JobHandler = {
      run: async () => {
        throw new Error('must not run again');
      },
      abandon: async (j, reason) => void abandoned.push(`${j.key}: ${reason}`),
    };
    const started = Date.now();
    const worker = createJobWorker({ queue: queue('survivor'), handlers: { [kind]: handler }, pollMs: 100 });
    worker.start();
    try {
      await expect.poll(async () => (await store.jobs.get(job.id))?.state, { timeout: 5_000 }).toBe('abandoned');
    } finally {
      await worker.stop();
    }
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(abandoned).toEqual(['run-1: abandoned after 1 attempt(s): the server running it stopped']);
  });

  it('retries a failed attempt later and fails the job for good after its last attempt', async () => {
    const kind = kindOf('fail');
    const w = queue('w');
    const job = await w.enqueue({ kind, key: 'k', maxAttempts: 2 });
    await w.claim([kind]);
    await w.fail(job.id, 'boom', 0);
    expect((await w.get(job.id))?.state).toBe('queued');
    await w.claim([kind]);
    await w.fail(job.id, 'boom again', 0);
    expect(await w.get(job.id)).toMatchObject({ state: 'failed', lastError: 'boom again' });
  });

  it('a check run whose job lost its heartbeat no longer blocks the learner’s next run', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await queue('crashed').startHeld({ kind: 'check-run', key: run.id });
    await expect(
      store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' }, { staleAfterMs: 60_000 }),
    ).rejects.toThrow(/already in progress/);
    await new Promise((r) => setTimeout(r, STALE_MS + 200));
    const next = await store.startCheckRun(
      { learnerId, stageId: '00-one-user', accountKind: 'sandbox' },
      { staleAfterMs: STALE_MS },
    );
    expect(next.id).not.toBe(run.id);
    expect(await store.checkRun(run.id)).toMatchObject({ status: 'failed', error: /abandoned/ });
  });

  it('a stack follow taken over after a crash reads the real stack status and records how it ended', async () => {
    const sandbox = createSandbox({ accountId: '135713571357', speed: 0.002 });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const stackName = `scalelab-${learnerId.slice(0, 8)}`;
    const since = new Date(Date.now() - 1000);
    const body = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    const preview = await prepareChangeSet({ clients, stackName, templateBody: body });
    await executeChangeSet(clients, stackName, preview.changeSetId);
    // Server A recorded the operation and took the follow job, then died.
    const op = await store.startStackOperation({
      learnerId,
      stageId: '00-one-user',
      region: 'us-east-1',
      stackName,
      operation: 'create',
      source: 'solution.yaml',
      status: 'CREATE_IN_PROGRESS',
    });
    await queue('server-a').startHeld({
      kind: STACK_FOLLOW_JOB,
      key: op.id,
      payload: { learnerId, stackName, since: since.toISOString() },
    });
    const worker = createJobWorker({
      queue: queue('server-b'),
      handlers: { [STACK_FOLLOW_JOB]: stackFollowJobHandler({ store, clientsFor: async () => clients }) },
      pollMs: 100,
    });
    worker.start();
    try {
      await expect
        .poll(async () => (await store.stackOperation(op.id))?.status, { timeout: 20_000, interval: 200 })
        .toBe('CREATE_COMPLETE');
    } finally {
      await worker.stop();
    }
    expect((await store.stackOperation(op.id))?.finishedAt).toBeInstanceOf(Date);
  });
});
