import { describe, expect, it } from 'vitest';
import { allChecks, getCheck } from '@/checkers';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import { deployIntoSandbox, learnerUpdates, STACK, templateText, updateParameters } from './harness-support';
import { mutations, provenOutsideTheSandbox } from './mutations';

const gradedStages = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
] as const;

describe('every check can fail on its own', () => {
  it('has a mutation for every check of the graded stages', () => {
    const ids = gradedStages.flatMap((s) => getLab(s).checks);
    const missing = ids.filter((id) => !mutations.some((m) => m.check === id) && !provenOutsideTheSandbox.includes(id));
    expect(missing).toEqual([]);
  });

  it.each(mutations.map((m) => [m.check, m.what, m] as const))('%s fails when %s', async (_id, _what, m) => {
    const solution = templateText(m.stage, 'solution.yaml') ?? '';
    let body = solution;
    if (m.patch) {
      body = typeof m.patch === 'function' ? m.patch(solution) : solution.replace(m.patch[0], m.patch[1]);
      expect(body, 'the patch must change the template').not.toBe(solution);
    }
    const { clients, final } = await deployIntoSandbox(body, { stage: m.stage, stretch: !m.withoutStretch });
    expect(final.status, `${final.rootCause?.logicalId}: ${final.rootCause?.reason}`).toBe('CREATE_COMPLETE');
    // The learner's own update (stage 00's scale-up) is part of the solution, unless the mutation is its absence.
    const update = learnerUpdates[m.stage];
    if (update && !m.withoutLearnerUpdate) await updateParameters(clients, body, update);
    await m.after?.(clients);
    const checks = getLab(m.stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
    const results = await evaluateChecks(checks, new Inventory(clients, { stackName: STACK }));
    const target = results.find((r) => r.id === m.check);
    expect(target?.status, target?.message.en).toBe('fail');
    const otherRequiredFailures = results
      .filter((r) => r.id !== m.check && getCheck(r.id)?.severity === 'required' && r.status !== 'pass')
      .map((r) => r.id)
      .sort();
    expect(otherRequiredFailures).toEqual([...(m.alsoFails ?? [])].sort());
  });
});
