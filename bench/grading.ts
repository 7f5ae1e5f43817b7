/**
 * Grading throughput: 200 fixture accounts, every AWS call answered in-process after 20 ms (about one region's
 * round-trip), graded at concurrency 16, against a sequential run of the same accounts (measured on a sample of 20,
 * so the bench stays quick). No network: the accounts are fixtures shaped like the SDK's outputs.
 */
import { readFileSync } from 'node:fs';
import { defaultStackName, gradeAccounts } from '../lib/grading';
import { createSandbox, type Sandbox } from '../lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '../lib/stacks/change-sets';
import { followStack } from '../lib/stacks/follow';
import { classOf, fakeClients, rosterEntry } from '../tests/grading/support';

const ACCOUNTS = 200;
const CONCURRENCY = 16;
const LATENCY_MS = 20;
const SEQUENTIAL_SAMPLE = 20;

async function grade(n: number, concurrency: number) {
  const { entries, accounts } = classOf(n, { latencyMs: LATENCY_MS });
  const { makeClients, tracker } = fakeClients(accounts);
  const run = await gradeAccounts({ entries, stage: '00-one-user', concurrency, makeClients });
  const graded = run.accounts.filter((a) => a.status === 'graded').length;
  if (graded !== n) throw new Error(`only ${graded} of ${n} accounts were graded`);
  return { run, perSecond: n / (run.ms / 1000), maxInFlight: tracker.maxAccountsInFlight };
}

export async function benchGrading(): Promise<Record<string, number | string>> {
  const parallel = await grade(ACCOUNTS, CONCURRENCY);
  const sequential = await grade(SEQUENTIAL_SAMPLE, 1);
  const calls = parallel.run.accounts.reduce((n, a) => n + a.apiCalls.total, 0);
  const accountMs = parallel.run.accounts.map((a) => a.ms).sort((a, b) => a - b);
  return {
    [`${ACCOUNTS} accounts, concurrency ${CONCURRENCY}, ${LATENCY_MS} ms/call: wall, ms`]: parallel.run.ms,
    'accounts graded per second': parallel.perSecond,
    'API calls per account': calls / ACCOUNTS,
    'one account, median, ms': accountMs[Math.floor(accountMs.length / 2)] ?? 0,
    'accounts in flight at most': parallel.maxInFlight,
    'sequential (concurrency 1), accounts per second': sequential.perSecond,
    'speed-up over sequential': parallel.perSecond / sequential.perSecond,
  };
}

/**
 * The same figures over sandbox accounts (lib/sandbox answering the SDK in-process): stage 00's solution deployed
 * once through lib/stacks, its state copied into 200 accounts, and an injected latency of L ms on every grading call.
 */
const SANDBOX_LATENCY_MS = 20;
/** Every copy keeps the one stack deployed, under this name. */
const SANDBOX_STACK = defaultStackName('template');

async function solutionState(): Promise<string> {
  const sandbox = createSandbox({ accountId: '400000000000', regions: ['us-east-1'] });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const stackName = SANDBOX_STACK;
  const templateBody = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
  const preview = await prepareChangeSet({ clients, stackName, templateBody });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  const final = await followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 5 });
  if (final.status !== 'CREATE_COMPLETE') throw new Error(`the solution did not deploy: ${final.status}`);
  return JSON.stringify(sandbox.snapshot());
}

async function gradeSandboxes(state: string, n: number, concurrency: number) {
  const sandboxes = new Map<string, Sandbox>();
  const entries = Array.from({ length: n }, (_, i) => {
    const accountId = String(400000000001 + i);
    const entry = { ...rosterEntry(`learner-${i}`, accountId, i + 2), stackName: SANDBOX_STACK };
    const copy = JSON.parse(state.replaceAll('400000000000', accountId)) as unknown;
    const sandbox = createSandbox({
      accountId,
      regions: ['us-east-1'],
      persistence: { load: async () => copy, save: async () => {} },
      faults: [{ kind: 'latency', latencyMs: SANDBOX_LATENCY_MS }],
    });
    sandboxes.set(entry.learner, sandbox);
    return entry;
  });
  const run = await gradeAccounts({
    entries,
    stage: '00-one-user',
    concurrency,
    makeClients: (entry, log) => (sandboxes.get(entry.learner) as Sandbox).clientsFor(entry.region, { log }),
  });
  const passed = run.accounts.filter((a) => a.allRequiredPassed).length;
  if (passed !== n) throw new Error(`only ${passed} of ${n} sandbox accounts passed`);
  return { run, perSecond: n / (run.ms / 1000) };
}

export async function benchGradingSandbox(): Promise<Record<string, number | string>> {
  const state = await solutionState();
  const parallel = await gradeSandboxes(state, ACCOUNTS, CONCURRENCY);
  const sequential = await gradeSandboxes(state, SEQUENTIAL_SAMPLE, 1);
  const sequentialWallMs = (ACCOUNTS / sequential.perSecond) * 1000;
  return {
    [`${ACCOUNTS} sandbox accounts, concurrency ${CONCURRENCY}, L=${SANDBOX_LATENCY_MS} ms: wall, ms`]: parallel.run.ms,
    'sandbox: accounts graded per second': parallel.perSecond,
    'sandbox: sequential accounts per second': sequential.perSecond,
    'sandbox: sequential wall for all (from the sample), ms': sequentialWallMs,
    'sandbox: speed-up over sequential': parallel.perSecond / sequential.perSecond,
  };
}
