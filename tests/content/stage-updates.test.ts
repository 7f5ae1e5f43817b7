import { DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { deployIntoSandbox, STACK, templateText, updateParameters } from './harness-support';

/**
 * The template-editor path as a learner walks it: the stack launched with a stage's start is updated to its solution
 * in place (no new stack), and the stage's required checks then pass. The database and the VPC are kept.
 */
const stages: StageId[] = ['01-split-database', '02-high-availability', '03-scale-out', '04-cache-automate-secure'];

describe.each(stages)('stage %s: start, then its solution as an update', (stage) => {
  it('updates in place, keeps the data, and passes every required check', async () => {
    const { clients, final } = await deployIntoSandbox(templateText(stage, 'start.yaml') ?? '');
    expect(final.status).toBe('CREATE_COMPLETE');
    const physical = async () =>
      Object.fromEntries(
        (
          (await clients.cloudformation.send(new DescribeStackResourcesCommand({ StackName: STACK }))).StackResources ??
          []
        ).map((r) => [r.LogicalResourceId, r.PhysicalResourceId]),
      );
    const before = await physical();
    const updated = await updateParameters(clients, templateText(stage, 'solution.yaml') ?? '', {});
    expect(updated.status, `${updated.rootCause?.logicalId}: ${updated.rootCause?.reason}`).toBe('UPDATE_COMPLETE');
    const after = await physical();
    for (const kept of ['Vpc', 'Database', 'DbSecret']) if (before[kept]) expect(after[kept], kept).toBe(before[kept]);
    const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
    const results = await evaluateChecks(checks, new Inventory(clients, { stackName: STACK }));
    const required = results.filter((r) => checks.find((c) => c.id === r.id)?.severity === 'required');
    expect(required.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.message.en}`)).toEqual([]);
  });
});
