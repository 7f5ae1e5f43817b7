import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allChecks } from '@/checkers';
import type { AwsClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { deployTwoRegions, isTwoRegionTemplate, TWO_REGION_STAGES } from './two-regions';

export const STACK = 'scalelab-harness';

export function templateText(stage: StageId, file: 'start.yaml' | 'solution.yaml'): string | undefined {
  const path = join('templates', stage, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/**
 * Deploy a template into a fresh sandbox the way a learner does (change set → execute → follow). A stage that runs in
 * two regions (two-regions.ts) deploys its pair, with the stretch goal unless told otherwise.
 */
export async function deployIntoSandbox(body: string, pair?: { stage: StageId; stretch?: boolean }) {
  const sandbox = createSandbox({ accountId: '777788889999' });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  if (pair && TWO_REGION_STAGES.includes(pair.stage) && isTwoRegionTemplate(body)) {
    const final = await deployTwoRegions(clients, STACK, body, pair.stretch ?? true);
    await sandbox.settled();
    return { clients, final };
  }
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody: body });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  const final = await followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 5 });
  return { clients, final };
}

/**
 * What the learner does after launching a stage's template, when the stage's task is an update of the same stack:
 * stage 00 launches t3.micro and then scales up (its solution is "launched, then scaled up").
 */
export const learnerUpdates: Partial<Record<StageId, Record<string, string>>> = {
  '00-one-user': { InstanceType: 't3.small' },
};

/** Update the harness stack with new parameter values, as the learner does (the platform pins the AMI). */
export async function updateParameters(clients: AwsClients, body: string, parameters: Record<string, string>) {
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody: body, parameters });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  return followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 5 });
}

/** Deploy, then run the stage's checks: verdict per check id, and why, for readable failures. */
export async function verdictsAfterDeploying(
  stage: StageId,
  body: string,
  update?: Record<string, string>,
  stretch = true,
) {
  const { clients, final } = await deployIntoSandbox(body, { stage, stretch });
  if (final.status !== 'CREATE_COMPLETE') {
    throw new Error(`deploy ended ${final.status}: ${final.rootCause?.logicalId} ${final.rootCause?.reason ?? ''}`);
  }
  if (update) {
    const updated = await updateParameters(clients, body, update);
    if (updated.status !== 'UPDATE_COMPLETE') throw new Error(`update ended ${updated.status}`);
  }
  const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
  const results = await evaluateChecks(checks, new Inventory(clients, { stackName: STACK }));
  return {
    status: Object.fromEntries(results.map((r) => [r.id, r.status])),
    why: Object.fromEntries(results.map((r) => [r.id, `${r.status}: ${r.message.en}`])),
  };
}
