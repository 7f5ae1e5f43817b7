import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPanelRun } from '@/lib/checks/panel';
import { StageLockedError, startStageRun } from '@/lib/checks/run-stage';
import { openStore, type Store } from '@/lib/progress';
import { awsError, type Fixtures, fixtureClients, passingLab, STACK } from '../support/aws-fixtures';

const oneBox: Fixtures = passingLab('123456789012');

describe('running a stage', () => {
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
  const start = (learnerId: string, fixtures: Fixtures, stageId: '00-one-user' | '01-split-database' = '00-one-user') =>
    startStageRun({
      store,
      learnerId,
      stageId,
      stackName: STACK,
      cooldownMs: 0,
      makeClients: (log) => fixtureClients(fixtures, undefined, log),
    });

  it('stores the run with results, evidence, the verified account and its API calls, and unlocks stage 01', async () => {
    const learnerId = await learner();
    const { run, done } = await start(learnerId, oneBox);
    expect(run.status).toBe('running');
    const row = await done;
    expect(row.status).toBe('finished');
    expect(row.accountId).toBe('123456789012');
    const results = row.results as { id: string; status: string }[];
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ['ec2.web-instance-running', 'pass'],
      ['http.app-responds', 'skipped'],
      ['ec2.elastic-ip', 'pass'],
      ['sg.no-open-admin-ports', 'pass'],
      ['ec2.imdsv2-required', 'pass'],
      ['ec2.scaled-up', 'pass'],
    ]);
    expect((row.apiCalls as { operation: string }[]).map((c) => c.operation)).toContain('GetCallerIdentity');
    expect(row.allRequiredPassed).toBe(true);
    expect((await store.stageStatuses(learnerId))['01-split-database']).toBe('unlocked');
  });

  it('does not unlock when a required check fails', async () => {
    const learnerId = await learner();
    const { done } = await start(learnerId, { ...oneBox, 'EC2.DescribeAddresses': { Addresses: [] } });
    const row = await done;
    expect(row.allRequiredPassed).toBe(false);
    expect((await store.stageStatuses(learnerId))['01-split-database']).toBe('locked');
  });

  it('does not unlock when a required check errors (AccessDenied is not a pass)', async () => {
    const learnerId = await learner();
    const { done } = await start(learnerId, {
      ...oneBox,
      'EC2.DescribeAddresses': awsError('UnauthorizedOperation', 'no', 403),
    });
    const row = await done;
    const eip = (row.results as { id: string; status: string; action?: string }[]).find(
      (r) => r.id === 'ec2.elastic-ip',
    );
    expect(eip).toMatchObject({ status: 'error', action: 'ec2:DescribeAddresses' });
    expect(row.allRequiredPassed).toBe(false);
  });

  it('marks the whole run failed when the account cannot be verified', async () => {
    const learnerId = await learner();
    const { done } = await start(learnerId, {
      ...oneBox,
      'STS.GetCallerIdentity': awsError('ExpiredToken', 'expired', 403),
    });
    const row = await done;
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/ExpiredToken/);
    // A Korean page shows the same explanation in Korean; exports keep the English.
    expect(row.errorKo).toMatch(/ExpiredToken/);
    expect(row.errorKo).toMatch(/[가-힣]/);
    const panel = toPanelRun(row);
    expect(panel.error).toEqual({ en: row.error, ko: row.errorKo });
  });

  it('refuses to run a locked stage', async () => {
    const learnerId = await learner();
    await expect(start(learnerId, oneBox, '01-split-database')).rejects.toBeInstanceOf(StageLockedError);
  });
});
