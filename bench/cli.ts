/**
 * The command a user waits for: `scalelab validate` of one stage template, wall time from process start to exit,
 * against AWS's cfn-lint on the same file when the machine has it (a ratio, which holds better than seconds on a
 * noisy machine), and `scalelab --help`. Medians of several runs; the CLI is built once before timing.
 */
import { spawnSync } from 'node:child_process';

const TEMPLATE = 'templates/03-scale-out/solution.yaml';
const RUNS = 5;

function wallMillis(cmd: string, args: string[]): number | undefined {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    if (r.error || r.status !== 0) return undefined;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export async function benchCli(): Promise<Record<string, number | string>> {
  spawnSync('node', ['cli/bin.js', '--help'], { stdio: 'ignore' }); // (re)build the precompiled CLI if needed
  const help = wallMillis('node', ['cli/bin.js', '--help']);
  const validate = wallMillis('node', ['cli/bin.js', 'validate', TEMPLATE]);
  const cfnLint = wallMillis('cfn-lint', [TEMPLATE]);
  return {
    'scalelab --help, wall, ms (median)': help ?? 'failed',
    [`scalelab validate ${TEMPLATE}, wall, ms (median)`]: validate ?? 'failed',
    'cfn-lint on the same file, wall, ms (median)': cfnLint ?? 'not on this machine',
    'scalelab validate / cfn-lint (goal ≤ 0.5)': validate && cfnLint ? validate / cfnLint : 'n/a',
  };
}
