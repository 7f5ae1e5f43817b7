import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSnapshot } from '@/lib/architecture/model';
import { startStageRun } from '@/lib/checks/run-stage';
import { openStore, type Store } from '@/lib/progress';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { templateText } from '../content/harness-support';
import { awsError, type Fixtures, fixtureClients, passingLab, STACK } from '../support/aws-fixtures';

describe('a check run stores what it saw deployed', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ dir: 'memory://' });
  });
  afterAll(async () => {
    await store.close();
  });
  const learner = async () => {
    const id = randomUUID();
    await store.ensureLearner(id);
    return id;
  };
  /** A stage 00 run of a new learner whose account answers from these fixtures; the stored row at its end. */
  const runOn = async (fixtures: Fixtures) => {
    const { done } = await startStageRun({
      store,
      learnerId: await learner(),
      stageId: '00-one-user',
      stackName: STACK,
      cooldownMs: 0,
      makeClients: (log) => fixtureClients(fixtures, undefined, log),
    });
    return done;
  };

  it('keeps the snapshot of stage 00 deployed in the sandbox with the run: the instance and its Elastic IP', async () => {
    const sandbox = createSandbox({ accountId: '777788889999' });
    const deploy = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const preview = await prepareChangeSet({
      clients: deploy,
      stackName: STACK,
      templateBody: templateText('00-one-user', 'solution.yaml') ?? '',
    });
    await executeChangeSet(deploy, STACK, preview.changeSetId);
    await followStack(deploy, STACK, new Date(0), () => {}, { intervalMs: 5 });
    const { done } = await startStageRun({
      store,
      learnerId: await learner(),
      stageId: '00-one-user',
      stackName: STACK,
      cooldownMs: 0,
      makeClients: (log) => sandbox.clientsFor('us-east-1', { maxAttempts: 1, log }),
    });
    const row = await done;
    expect(row.status).toBe('finished');
    const s = asSnapshot(row.architecture);
    const web = s?.nodes.find((n) => n.kind === 'instance');
    expect(web).toMatchObject({ role: 'web', state: 'running' });
    expect(s?.nodes.find((n) => n.kind === 'elastic-ip')?.parent).toBe(web?.id);
    expect(s?.unread).toEqual([]);
    // The run row read back later carries the same snapshot.
    expect(asSnapshot((await store.checkRun(row.id))?.architecture)).toEqual(s);
  });

  it('never fails the run over the diagram: a describe the checks do not need is refused, the run is judged the same', async () => {
    const row = await runOn({
      ...passingLab('123456789012'),
      'RDS.DescribeDBInstances': awsError('AccessDenied', 'no', 403),
    });
    expect(row.status).toBe('finished');
    expect(row.allRequiredPassed).toBe(true);
    const s = asSnapshot(row.architecture);
    expect(s?.nodes.map((n) => [n.kind, n.id])).toEqual([
      ['instance', 'i-0web'],
      ['elastic-ip', 'eipalloc-1'],
    ]);
    expect(s?.unread.find((u) => u.part === 'databases')?.reason.en).toContain('rds:DescribeDBInstances');
  });

  it('stores no snapshot for a run that could not verify the account', async () => {
    const row = await runOn({
      ...passingLab('123456789012'),
      'STS.GetCallerIdentity': awsError('ExpiredToken', 'expired', 403),
    });
    expect(row.status).toBe('failed');
    expect(row.architecture).toBeNull();
  });
});
