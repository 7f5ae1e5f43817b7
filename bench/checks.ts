/**
 * A stage's check run against the sandbox with latency L injected on every API call: how many calls it makes and
 * how long it takes in multiples of L. Checks share one Inventory (one describe per API, in parallel), so a run
 * should cost ~1–3 L whatever the number of checks; a naive run (each check alone, one after the other) is printed
 * beside it for the ratio.
 */
import { existsSync, readFileSync } from 'node:fs';
import { allChecks } from '@/checkers';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import { type StageId, stageIds } from '@/lib/labs/types';
import { createSandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';

const L = 25;
const STACK = 'scalelab-bench';
/** Every stage with a reference solution to deploy. */
const stages: StageId[] = stageIds.filter((stage) => existsSync(`templates/${stage}/solution.yaml`));

async function deployedSandbox(stage: StageId) {
  const sandbox = createSandbox({ accountId: '123412341234' });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const body = readFileSync(`templates/${stage}/solution.yaml`, 'utf8');
  const preview = await prepareChangeSet({ clients, stackName: STACK, templateBody: body });
  await executeChangeSet(clients, STACK, preview.changeSetId);
  await followStack(clients, STACK, new Date(0), () => {}, { intervalMs: 1 });
  sandbox.faults.add({ kind: 'latency', latencyMs: L });
  return sandbox;
}

export async function benchChecks() {
  const figures: Record<string, number | string> = {
    'latency L per API call (ms)': L,
    'goal (issue 18): calls per run, at most': 12,
    'goal (issue 18): run wall time (× L), at most': 2,
  };
  for (const stage of stages) {
    const sandbox = await deployedSandbox(stage);
    const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
    const short = stage.slice(0, 2);

    const log = new ApiCallLog();
    const cpuBefore = process.cpuUsage();
    let started = performance.now();
    await evaluateChecks(checks, new Inventory(sandbox.clientsFor('us-east-1', { log }), { stackName: STACK }));
    const shared = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);

    const naiveLog = new ApiCallLog();
    started = performance.now();
    for (const check of checks) {
      await evaluateChecks(
        [check],
        new Inventory(sandbox.clientsFor('us-east-1', { log: naiveLog }), { stackName: STACK }),
      );
    }
    const naive = performance.now() - started;

    figures[`stage ${short}: checks`] = checks.length;
    figures[`stage ${short}: API calls per run`] = log.calls.length;
    figures[`stage ${short}: run wall time (× L)`] = shared / L;
    figures[`stage ${short}: run CPU (grading + simulator), ms`] = (cpu.user + cpu.system) / 1000;
    figures[`stage ${short}: calls`] = Object.entries(log.counts())
      .map(([op, n]) => (n > 1 ? `${op}×${n}` : op))
      .join(' ');
    figures[`stage ${short}: naive sequential API calls`] = naiveLog.calls.length;
    figures[`stage ${short}: naive sequential wall time (× L)`] = naive / L;
    figures[`stage ${short}: naive / shared time ratio`] = naive / shared;
  }
  return figures;
}
