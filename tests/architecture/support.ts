import type { ArchitectureSnapshot, ArchNode, NodeKind } from '@/lib/architecture/model';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { Inventory } from '@/lib/inventory';
import type { StageId } from '@/lib/labs/types';
import { createSandbox } from '@/lib/sandbox';
import { deployIntoSandbox, learnerUpdates, STACK, templateText, updateParameters } from '../content/harness-support';

/** Deploy a stage's template into a fresh sandbox as a learner does, and snapshot what the Inventory then sees. */
export async function snapshotOfTemplate(stage: StageId, file: 'start.yaml' | 'solution.yaml') {
  const body = templateText(stage, file);
  if (!body) {
    // Stage 00 starts from an empty account: nothing deployed.
    const clients = createSandbox({ accountId: '777788889999' }).clientsFor('us-east-1', { maxAttempts: 1 });
    return architectureSnapshot(new Inventory(clients, { stackName: STACK }));
  }
  const { clients, final } = await deployIntoSandbox(body);
  if (final.status !== 'CREATE_COMPLETE') throw new Error(`${stage}/${file}: deploy ended ${final.status}`);
  const update = file === 'solution.yaml' ? learnerUpdates[stage] : undefined;
  if (update) await updateParameters(clients, body, update);
  return architectureSnapshot(new Inventory(clients, { stackName: STACK }));
}

export const ofKind = (s: ArchitectureSnapshot, kind: NodeKind, role?: string): ArchNode[] =>
  s.nodes.filter((n) => n.kind === kind && (role === undefined || n.role === role));

export const azOf = (n: ArchNode | undefined) => n?.azs?.[0];

/** Is this subnet id a public subnet of the snapshot? */
export const isPublic = (s: ArchitectureSnapshot, subnetId: string | undefined) =>
  s.subnets.find((x) => x.id === subnetId)?.public;
