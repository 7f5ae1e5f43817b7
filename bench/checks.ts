/**
 * A stage's check run against the sandbox with latency L injected on every API call: how many calls it makes and
 * how long it takes in multiples of L. Checks share one Inventory (one describe per API, in parallel), so a run
 * should cost ~1–2 L whatever the number of checks; a naive run (each check alone, one after the other) is printed
 * beside it for the ratio. The wall time is the median of RUNS runs (the first run of a stage also loads the SDK
 * clients it uses); the chain of dependent calls, read off the run's timeline, is the figure load cannot move.
 */
import { existsSync, readFileSync } from 'node:fs';
import { allChecks, type CheckDefinition } from '@/checkers';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { type ApiCall, ApiCallLog } from '@/lib/aws/api-calls';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import { type StageId, stageIds } from '@/lib/labs/types';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';

const L = 25;
const RUNS = 5;
const FAR_L = 100;
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

/**
 * The longest chain of calls each of which started only after the one before it ended: the round-trips a run waits
 * in sequence, whatever the machine's load (calls started together are one step).
 */
export function dependentRoundTrips(calls: readonly ApiCall[]): number {
  const sorted = [...calls].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  sorted.forEach((call, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j] as ApiCall;
      // Ended before this one started (1 ms of timer slack): this call may have waited for its answer.
      if (earlier.at + earlier.ms <= call.at + 1) before = Math.max(before, depth[j] ?? 0);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}

/** Run a stage's checks `runs` times, each over a fresh Inventory and fresh clients as a check run has. */
async function timedRuns(sandbox: Sandbox, checks: CheckDefinition[], runs = RUNS, withDiagram = false) {
  let log = new ApiCallLog();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let run = 0; run < runs; run++) {
    log = new ApiCallLog();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const inventory = new Inventory(sandbox.clientsFor('us-east-1', { log }), { stackName: STACK });
    // A learner's run (lib/checks/run-stage.ts) also draws the live diagram from the same Inventory, and ends with it.
    await Promise.all([evaluateChecks(checks, inventory), withDiagram ? architectureSnapshot(inventory) : undefined]);
    walls.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { log, walls, cpus };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function benchChecks() {
  const figures: Record<string, number | string> = {
    'latency L per API call (ms)': L,
    'goal (issue 18): calls per run, at most': 12,
    'goal (issue 18): run wall time (× L), at most': 2,
    'runs per stage (wall time: the median)': RUNS,
  };
  for (const stage of stages) {
    const sandbox = await deployedSandbox(stage);
    const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
    const short = stage.slice(0, 2);

    const { log, walls, cpus } = await timedRuns(sandbox, checks);
    const shared = median(walls);
    // The same run where a call takes 100 ms (a far region): the CPU between round-trips weighs less against L.
    sandbox.faults.clear();
    sandbox.faults.add({ kind: 'latency', latencyMs: FAR_L });
    const far = median((await timedRuns(sandbox, checks, 3)).walls);
    sandbox.faults.clear();
    sandbox.faults.add({ kind: 'latency', latencyMs: L });
    const drawn = await timedRuns(sandbox, checks, 3, true);

    const naiveLog = new ApiCallLog();
    const started = performance.now();
    for (const check of checks) {
      await evaluateChecks(
        [check],
        new Inventory(sandbox.clientsFor('us-east-1', { log: naiveLog }), { stackName: STACK }),
      );
    }
    const naive = performance.now() - started;

    figures[`stage ${short}: checks`] = checks.length;
    figures[`stage ${short}: API calls per run`] = log.calls.length;
    figures[`stage ${short}: dependent round-trips (calls in sequence)`] = dependentRoundTrips(log.calls);
    figures[`stage ${short}: run wall time (× L), median`] = shared / L;
    figures[`stage ${short}: run wall time at L = ${FAR_L} ms (× L), median`] = far / FAR_L;
    figures[`stage ${short}: with the live diagram: calls, dependent round-trips`] =
      `${drawn.log.calls.length}, ${dependentRoundTrips(drawn.log.calls)}`;
    figures[`stage ${short}: with the live diagram: run wall time (× L), median`] = median(drawn.walls) / L;
    figures[`stage ${short}: first run wall time (× L)`] = (walls[0] ?? Number.NaN) / L;
    figures[`stage ${short}: run CPU (grading + simulator), ms, median`] = median(cpus);
    figures[`stage ${short}: calls`] = Object.entries(log.counts())
      .map(([op, n]) => (n > 1 ? `${op}×${n}` : op))
      .join(' ');
    figures[`stage ${short}: naive sequential API calls`] = naiveLog.calls.length;
    figures[`stage ${short}: naive sequential wall time (× L)`] = naive / L;
    figures[`stage ${short}: naive / shared time ratio`] = naive / shared;
  }
  return figures;
}
