import { expect } from 'vitest';
import { loadWorld } from '@/lib/gameday/load-world';
import type { DrillWorld } from '@/lib/gameday/world';
import type { StageId } from '@/lib/labs/types';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { networkView } from '@/lib/sandbox/data-plane/view';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { STACK, templateText } from '../content/harness-support';

/** A stage template deployed into a fresh sandbox as a learner does, and the world a drill plays over. */
export async function deployedWorld(
  stage: StageId,
  file: 'start.yaml' | 'solution.yaml',
  edit: (body: string) => string = (b) => b,
): Promise<{ sandbox: Sandbox; world: DrillWorld }> {
  const sandbox = createSandbox({ accountId: '444455556666' });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const body = edit(templateText(stage, file) ?? '');
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody: body });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  const final = await followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 5 });
  expect(final.status, final.rootCause?.reason).toBe('CREATE_COMPLETE');
  const world = await loadWorld(clients, await networkView(sandbox.snapshot()), STACK);
  return { sandbox, world };
}
