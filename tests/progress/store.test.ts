import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type ProgressEvent, type Store } from '@/lib/progress';
import { storeEngines } from '../support/store-engines';

describe.each(storeEngines)('the store on %s', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('creates a learner once and finds it again', async () => {
    const id = randomUUID();
    expect(await store.learnerExists(id)).toBe(false);
    await store.ensureLearner(id);
    await store.ensureLearner(id);
    expect(await store.learnerExists(id)).toBe(true);
  });

  it('unlocks the next stage only after a run in which every required check passed', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const failing = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    expect(failing.status).toBe('running');
    await store.finishCheckRun(failing.id, {
      results: [{ id: 'ec2.elastic-ip', status: 'fail' }],
      apiCalls: [],
      allRequiredPassed: false,
    });
    expect((await store.stageStatuses(learnerId))['01-split-database']).toBe('locked');

    const passing = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    const done = await store.finishCheckRun(passing.id, {
      results: [{ id: 'ec2.elastic-ip', status: 'pass', evidence: [{ id: 'eipalloc-1' }] }],
      apiCalls: [{ service: 'EC2', operation: 'DescribeAddresses' }],
      allRequiredPassed: true,
      accountId: '000000000000',
    });
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.results).toEqual([{ id: 'ec2.elastic-ip', status: 'pass', evidence: [{ id: 'eipalloc-1' }] }]);
    const s = await store.stageStatuses(learnerId);
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('unlocked');
    expect((await store.latestCheckRun(learnerId, '00-one-user'))?.id).toBe(passing.id);
  });

  it('never unlocks from a run that failed to finish, even if it claims all passed', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    const row = await store.finishCheckRun(run.id, {
      results: [],
      apiCalls: [],
      allRequiredPassed: true,
      error: 'boom',
    });
    expect(row.status).toBe('failed');
    expect((await store.stageStatuses(learnerId))['01-split-database']).toBe('locked');
  });

  it('keeps one progress per learner: another learner sees nothing of it', async () => {
    const a = randomUUID();
    const b = randomUUID();
    await store.ensureLearner(a);
    await store.ensureLearner(b);
    await store.recordOverride({
      learnerId: a,
      stageId: '00-one-user',
      kind: 'complete',
      by: 'instructor@example.com',
    });
    expect((await store.stageStatuses(a))['01-split-database']).toBe('unlocked');
    expect((await store.stageStatuses(b))['01-split-database']).toBe('locked');
  });

  it('keeps the latest quiz answer per question and counts attempts', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const base = { learnerId, stageId: '00-one-user' as const, questionId: 'q1' };
    await store.recordQuizAnswer({ ...base, choiceIds: ['a'], correct: false });
    await store.recordQuizAnswer({ ...base, choiceIds: ['b'], correct: true });
    expect(await store.quizAnswers(learnerId, '00-one-user')).toEqual([
      { questionId: 'q1', choiceIds: ['b'], correct: true, attempts: 2 },
    ]);
    expect(await store.quizAnswers(learnerId, '01-split-database')).toEqual([]);
  });

  it('stores sandbox state per account, each write on the version it read (compare-and-set)', async () => {
    const account = `sandbox-${randomUUID()}`;
    expect(await store.loadSandboxState(account)).toBeUndefined();
    expect(await store.sandboxStateVersion(account)).toBe(0);
    expect(await store.saveSandboxState(account, { stacks: ['a'] }, 0)).toBe(1);
    // A second first write (another server that had not seen the first) is refused, not laid over it.
    expect(await store.saveSandboxState(account, { stacks: ['x'] }, 0)).toBeUndefined();
    expect(await store.saveSandboxState(account, { stacks: ['a', 'b'] }, 1)).toBe(2);
    // A write on version 1 after version 2 was stored is refused.
    expect(await store.saveSandboxState(account, { stacks: ['y'] }, 1)).toBeUndefined();
    expect(await store.sandboxStateVersion(account)).toBe(2);
    expect(await store.loadSandboxState(account)).toEqual({ state: { stacks: ['a', 'b'] }, version: 2 });
  });

  it('publishes changes to subscribers (LISTEN/NOTIFY)', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const seen: ProgressEvent[] = [];
    const unsubscribe = await store.subscribe((e) => {
      if (e.learnerId === learnerId) seen.push(e);
    });
    await store.recordOverride({ learnerId, stageId: '02-high-availability', kind: 'unlock', by: 'i' });
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(1);
    expect(seen[0]).toMatchObject({ type: 'stage-override', stageId: '02-high-availability' });
    await unsubscribe();
  });
});

describe('PGlite on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scalelab-store-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps progress across a restart', async () => {
    const learnerId = randomUUID();
    const first = await openStore({ dir });
    await first.ensureLearner(learnerId);
    const run = await first.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await first.finishCheckRun(run.id, { results: [], apiCalls: [], allRequiredPassed: true });
    await first.close();

    const second = await openStore({ dir });
    expect(await second.learnerExists(learnerId)).toBe(true);
    expect((await second.stageStatuses(learnerId))['01-split-database']).toBe('unlocked');
    await second.close();
  });
});

describe.each(storeEngines)('check-run limits on %s', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('refuses a second run while one is running, and allows it after', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const first = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await expect(
      store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' }),
    ).rejects.toMatchObject({
      name: 'RunLimitError',
      reason: 'running',
    });
    await store.finishCheckRun(first.id, { results: [], apiCalls: [], allRequiredPassed: false });
    await expect(
      store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' }),
    ).resolves.toBeTruthy();
  });

  it('enforces a cool-down after the last run, with the time to wait', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await store.finishCheckRun(run.id, { results: [], apiCalls: [], allRequiredPassed: false });
    const refused = store.startCheckRun(
      { learnerId, stageId: '00-one-user', accountKind: 'sandbox' },
      { cooldownMs: 60_000 },
    );
    await expect(refused).rejects.toMatchObject({ reason: 'cooldown' });
    await expect(refused).rejects.toThrow(/try again in \d+ s/);
  });

  it('gives up a run left running by a crashed server', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const stale = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    const next = await store.startCheckRun(
      { learnerId, stageId: '00-one-user', accountKind: 'sandbox' },
      { staleAfterMs: -1 },
    );
    expect(next.id).not.toBe(stale.id);
    expect((await store.checkRun(stale.id))?.status).toBe('failed');
  });

  it('appends results one by one while the run goes on', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await store.appendCheckResult(run.id, { id: 'a', status: 'pass' });
    await store.appendCheckResult(run.id, { id: 'b', status: 'fail' });
    expect((await store.checkRun(run.id))?.results).toEqual([
      { id: 'a', status: 'pass' },
      { id: 'b', status: 'fail' },
    ]);
  });
});

describe.each(storeEngines)("an event's policy in the unlock rule on %s", (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  const passedStage00 = async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await store.finishCheckRun(run.id, { results: [], apiCalls: [], allRequiredPassed: true });
    return learnerId;
  };
  const gate = { quizQuestions: { '00-one-user': ['q1', 'q2'] } };

  it('keeps the next stage locked while quizzes gate and a question is unanswered or wrong', async () => {
    const learnerId = await passedStage00();
    const base = { learnerId, stageId: '00-one-user' as const };
    await store.recordQuizAnswer({ ...base, questionId: 'q1', choiceIds: ['a'], correct: true });
    await store.recordQuizAnswer({ ...base, questionId: 'q2', choiceIds: ['a'], correct: false });
    expect((await store.stageStatuses(learnerId, gate))['01-split-database']).toBe('locked');
    expect((await store.stageStatuses(learnerId))['01-split-database']).toBe('unlocked');
  });

  it('unlocks the next stage once every gating question is answered correctly', async () => {
    const learnerId = await passedStage00();
    const base = { learnerId, stageId: '00-one-user' as const };
    await store.recordQuizAnswer({ ...base, questionId: 'q1', choiceIds: ['a'], correct: true });
    await store.recordQuizAnswer({ ...base, questionId: 'q2', choiceIds: ['b'], correct: true });
    const s = await store.stageStatuses(learnerId, gate);
    expect(s['00-one-user']).toBe('completed');
    expect(s['01-split-database']).toBe('unlocked');
  });

  it('locks the stages the event does not enable', async () => {
    const learnerId = await passedStage00();
    const s = await store.stageStatuses(learnerId, { stagesEnabled: ['00-one-user', '02-high-availability'] });
    expect(s['01-split-database']).toBe('locked');
    expect(s['02-high-availability']).toBe('unlocked');
  });
});
