import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptOrphans } from '@/lib/jobs/orphans';
import type { Store } from '@/lib/progress';
import { checkRuns, stackOperations } from '@/lib/progress/schema';
import { storeEngines } from '../support/store-engines';

const kinds = { checkRun: 'check-run', stackFollow: 'stack-follow' };

describe.each(storeEngines)('work left without a job, on %s', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('follows a stack operation again and closes a check run that a stopped server left behind', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const op = await store.startStackOperation({
      learnerId,
      region: 'us-east-1',
      stackName: 'scalelab-orphan',
      operation: 'create',
      source: 'start.yaml',
      status: 'CREATE_IN_PROGRESS',
    });
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    const hourAgo = sql`now() - interval '1 hour'`;
    const { db } = store.database;
    await db.update(stackOperations).set({ startedAt: hourAgo }).where(eq(stackOperations.id, op.id));
    await db.update(checkRuns).set({ startedAt: hourAgo }).where(eq(checkRuns.id, run.id));

    const found = await adoptOrphans(store, { kinds });
    expect(found.followed).toBeGreaterThanOrEqual(1);
    expect(await store.jobs.openJob('stack-follow', op.id)).toMatchObject({
      state: 'queued',
      payload: { learnerId, stackName: 'scalelab-orphan' },
    });
    expect(await store.checkRun(run.id)).toMatchObject({ status: 'failed', error: /abandoned/ });

    // A second server starting at the same time adds nothing.
    await adoptOrphans(store, { kinds });
    expect((await store.jobs.openJob('stack-follow', op.id))?.attempts).toBe(0);
  });

  it('leaves alone what is recent or already has its job', async () => {
    const learnerId = randomUUID();
    await store.ensureLearner(learnerId);
    const run = await store.startCheckRun({ learnerId, stageId: '00-one-user', accountKind: 'sandbox' });
    await adoptOrphans(store, { kinds });
    expect((await store.checkRun(run.id))?.status).toBe('running');
  });
});
