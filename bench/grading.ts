/**
 * Grading throughput: 200 fixture accounts, every AWS call answered in-process after 20 ms (about one region's
 * round-trip), graded at concurrency 16, against a sequential run of the same accounts (measured on a sample of 20,
 * so the bench stays quick). No network: the accounts are fixtures shaped like the SDK's outputs.
 */
import { gradeAccounts } from '../lib/grading';
import { classOf, fakeClients } from '../tests/grading/support';

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
