/**
 * Grading throughput and CPU: 200 accounts of stage 00 graded at the default concurrency, every AWS call answered
 * after L ms, at L = 20 ms (about one region's round-trip) and L = 100 ms (a far region, a busy network). Printed per
 * L: accounts per minute, one account's median wall time, and the CPU this process spent per account and per SDK call
 * (process.cpuUsage around the run; nothing else runs meanwhile; the median of 3 runs). BENCH_CPU_PROFILE=<dir> also
 * writes each run's .cpuprofile, to see where the CPU goes.
 *
 * Two kinds of accounts, so that the simulator's own CPU ("server" CPU on AWS) can be told apart from grading's:
 * - fixtures: every call answered from a fixed SDK-shaped output (tests/grading/support), so the server does next to
 *   nothing and the CPU is the grading's own (SDK clients, credentials, middleware, Inventory, checks; no HTTP);
 * - sandbox: stage 00's solution deployed once through lib/stacks, its state copied into 200 accounts, lib/sandbox
 *   answering in-process behind a `latency` fault: the CPU is grading's plus the simulator's.
 * bench/grading-moto.ts adds the real wire (HTTP, XML) against moto over loopback, where the server is another process.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { defaultStackName, GRADING_DEFAULTS, type GradeOptions, gradeAccounts, type RosterEntry } from '../lib/grading';
import { createSandbox, type Sandbox } from '../lib/sandbox';
import { executeChangeSet, prepareChangeSet } from '../lib/stacks/change-sets';
import { followStack } from '../lib/stacks/follow';
import { classOf, fakeClients, rosterEntry } from '../tests/grading/support';

const ACCOUNTS = 200;
const LATENCIES = [20, 100] as const;
const SEQUENTIAL_SAMPLE = 20;
const STAGE = '00-one-user';

type Figures = Record<string, number | string>;
type MakeClients = GradeOptions<RosterEntry>['makeClients'];

/**
 * Where the CPU goes: with BENCH_CPU_PROFILE=<dir>, each measured run is also written there as a .cpuprofile (open it
 * in Chrome DevTools, or `node --cpu-prof`-style tools), covering the grading run only, not the set-up.
 */
async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_CPU_PROFILE;
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${label.replace(/[^\w.-]+/g, '_')}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/** Grade the entries once and measure it: wall, CPU of this process, SDK calls. Every account must pass. */
export async function measureGrading(
  label: string,
  entries: RosterEntry[],
  makeClients: MakeClients,
  concurrency: number = GRADING_DEFAULTS.concurrency,
) {
  const cpuBefore = process.cpuUsage();
  const run = await profiled(label, () => gradeAccounts({ entries, stage: STAGE, concurrency, makeClients }));
  const cpu = process.cpuUsage(cpuBefore);
  const notPassed = run.accounts.filter((a) => !a.allRequiredPassed);
  if (notPassed.length) {
    const first = notPassed[0];
    throw new Error(
      `${notPassed.length} of ${entries.length} accounts did not pass: ${JSON.stringify(first?.problem)}`,
    );
  }
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const calls = run.accounts.reduce((n, a) => n + a.apiCalls.total, 0);
  const accountMs = run.accounts.map((a) => a.ms).sort((a, b) => a - b);
  return {
    perMinute: entries.length / (run.ms / 60_000),
    wallMs: run.ms,
    medianAccountMs: accountMs[Math.floor(accountMs.length / 2)] ?? 0,
    cpuMsPerAccount: cpuMs / entries.length,
    cpuMsPerCall: cpuMs / calls,
    callsPerAccount: calls / entries.length,
    concurrency,
  };
}

/** Runs per figure: the machine is shared, so each figure is the run of median CPU among these. */
const RUNS = 3;

/** Measure `RUNS` times (fresh accounts each time) and keep the run whose CPU per account is the median. */
export async function medianRun(measure: (run: number) => ReturnType<typeof measureGrading>) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await measure(run));
  runs.sort((a, b) => a.cpuMsPerAccount - b.cpuMsPerAccount);
  return runs[Math.floor(RUNS / 2)] as Awaited<ReturnType<typeof measureGrading>>;
}

/** The figures of one measured run, named with a prefix ("fixtures, L=20 ms"). */
export function figuresOf(prefix: string, m: Awaited<ReturnType<typeof measureGrading>>): Figures {
  return {
    [`${prefix}: accounts per minute`]: m.perMinute,
    [`${prefix}: one account, median, ms`]: m.medianAccountMs,
    [`${prefix}: CPU per account, ms`]: m.cpuMsPerAccount,
    [`${prefix}: CPU per SDK call, ms`]: m.cpuMsPerCall,
  };
}

function fixtureAccounts(n: number, latencyMs: number) {
  const { entries, accounts } = classOf(n, { latencyMs });
  return { entries, makeClients: fakeClients(accounts).makeClients };
}

export async function benchGrading(): Promise<Figures> {
  const figures: Figures = {
    accounts: ACCOUNTS,
    'default concurrency (GRADING_DEFAULTS)': GRADING_DEFAULTS.concurrency,
  };
  // Warm-up: the first run pays for loading the SDK's modules, which no later account does.
  const warm = fixtureAccounts(20, 1);
  await measureGrading('warm-up', warm.entries, warm.makeClients);
  for (const latency of LATENCIES) {
    const m = await medianRun((run) => {
      const { entries, makeClients } = fixtureAccounts(ACCOUNTS, latency);
      return measureGrading(`fixtures-L${latency}-${run}`, entries, makeClients);
    });
    figures['fixtures: SDK calls per account'] = m.callsPerAccount;
    Object.assign(figures, figuresOf(`fixtures, L=${latency} ms`, m));
  }
  const { entries, makeClients } = fixtureAccounts(ACCOUNTS, 100);
  const at16 = await measureGrading('fixtures-L100-c16', entries, makeClients, 16);
  figures['fixtures, L=100 ms, concurrency 16: accounts per minute'] = at16.perMinute;
  return figures;
}

/** Every copy keeps the one stack deployed, under this name. */
const SANDBOX_STACK = defaultStackName('template');

async function solutionState(): Promise<string> {
  const sandbox = createSandbox({ accountId: '400000000000', regions: ['us-east-1'] });
  const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
  const templateBody = readFileSync(`templates/${STAGE}/solution.yaml`, 'utf8');
  const preview = await prepareChangeSet({ clients, stackName: SANDBOX_STACK, templateBody });
  await executeChangeSet(clients, SANDBOX_STACK, preview.changeSetId);
  const final = await followStack(clients, SANDBOX_STACK, new Date(0), () => {}, { intervalMs: 5 });
  if (final.status !== 'CREATE_COMPLETE') throw new Error(`the solution did not deploy: ${final.status}`);
  return JSON.stringify(sandbox.snapshot());
}

function sandboxAccounts(state: string, n: number, latencyMs: number) {
  const sandboxes = new Map<string, Sandbox>();
  const entries = Array.from({ length: n }, (_, i) => {
    const accountId = String(400000000001 + i);
    const entry = { ...rosterEntry(`learner-${i}`, accountId, i + 2), stackName: SANDBOX_STACK };
    const copy = JSON.parse(state.replaceAll('400000000000', accountId)) as unknown;
    const sandbox = createSandbox({
      accountId,
      regions: ['us-east-1'],
      persistence: { load: async () => ({ state: copy, version: 1 }), version: async () => 1, save: async () => 1 },
      faults: [{ kind: 'latency', latencyMs }],
    });
    sandboxes.set(entry.learner, sandbox);
    return entry;
  });
  const makeClients: MakeClients = (entry, log) =>
    (sandboxes.get(entry.learner) as Sandbox).clientsFor(entry.region, { log });
  return { entries, makeClients, ready: Promise.all([...sandboxes.values()].map((s) => s.ready())) };
}

export async function benchGradingSandbox(): Promise<Figures> {
  const state = await solutionState();
  const figures: Figures = {};
  const warm = sandboxAccounts(state, 20, 1);
  await warm.ready;
  await measureGrading('sandbox-warm-up', warm.entries, warm.makeClients);
  for (const latency of LATENCIES) {
    const { entries, makeClients, ready } = sandboxAccounts(state, ACCOUNTS, latency);
    await ready; // loading the copied state is set-up, not grading
    const m = await medianRun((run) => measureGrading(`sandbox-L${latency}-${run}`, entries, makeClients));
    Object.assign(figures, figuresOf(`sandbox, L=${latency} ms`, m));
  }
  const sample = sandboxAccounts(state, SEQUENTIAL_SAMPLE, 20);
  await sample.ready;
  const sequential = await measureGrading('sandbox-sequential', sample.entries, sample.makeClients, 1);
  figures['sandbox, L=20 ms, sequential: accounts per minute'] = sequential.perMinute;
  return figures;
}
