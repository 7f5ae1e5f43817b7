import { describe, expect, it } from 'vitest';
import { getCheck } from '@/checkers';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { learnerUpdates, templateText, verdictsAfterDeploying } from './harness-support';

/**
 * The content harness: every stage with templates is deployed into the sandbox. Its solution passes every check of
 * the stage (HTTP probes included: the sandbox's data plane answers them); its start fails every required check the stage
 * teaches. Mutations (tests/content/mutations.test.ts) prove each check can fail on its own.
 */
const stages: StageId[] = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
];

/**
 * Required checks that already hold at a stage's start, because an earlier stage built them in: proven to pass there
 * (not skipped), and proven able to fail by their mutation. None today: stage 03 leaves a bastion group with SSH from
 * the admin network, which stage 04's sg.no-ssh makes the learner remove.
 */
const heldSinceEarlierStage: Partial<Record<StageId, string[]>> = {};

describe.each(stages)('stage %s in the sandbox', (stage) => {
  const solution = templateText(stage, 'solution.yaml');
  const start = templateText(stage, 'start.yaml');
  const lab = getLab(stage);

  it('has every check of its metadata implemented', () => {
    for (const id of lab.checks) expect(getCheck(id), id).toBeDefined();
  });

  it.runIf(solution)('passes every check with its solution deployed', async () => {
    const { status, why } = await verdictsAfterDeploying(stage, solution ?? '', learnerUpdates[stage]);
    for (const id of lab.checks) {
      expect(status[id], `${id} → ${why[id]}`).toBe('pass');
    }
  });

  it.runIf(start)('fails every required check it teaches with its start deployed', async () => {
    const { status, why } = await verdictsAfterDeploying(stage, start ?? '');
    for (const id of lab.checks) {
      if (getCheck(id)?.severity !== 'required') continue;
      const held = heldSinceEarlierStage[stage]?.includes(id);
      expect(status[id], `${id} → ${why[id]}`).toBe(held ? 'pass' : 'fail');
    }
  });
});
