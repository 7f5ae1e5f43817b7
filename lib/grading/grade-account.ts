import { setMaxListeners } from 'node:events';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CheckDefinition } from '@/checkers';
import { ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { allRequiredPassed, type CheckResult, evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import type { StageId } from '@/lib/labs/types';
import { defaultSecondRegion } from '@/lib/stacks/second-region';
import { abortable, abortableClients, fullJitter, GradingTimeoutError, sleep } from './abort';
import { defaultStackName, learnerIdFor } from './learner-id';
import type {
  AccountGrade,
  AccountProblem,
  AccountStatus,
  ApiCallSummary,
  GradeTarget,
  GradingStore,
  Score,
} from './types';

/** How one account is graded: the same for every account of a run. */
export interface AccountPlan<E extends GradeTarget> {
  stage: StageId;
  checks: readonly CheckDefinition[];
  timeoutMs: number;
  retries: number;
  baseMs: number;
  capMs: number;
  random: () => number;
  makeClients: (entry: E, log: ApiCallLog) => AwsClients;
  store?: GradingStore;
  signal?: AbortSignal;
}

interface Outcome {
  status: AccountStatus;
  verifiedAccountId: string | null;
  problem?: AccountProblem;
  results: CheckResult[];
}

/**
 * Grade one account: verify who it is (STS GetCallerIdentity), then run the stage's checks over a fresh Inventory.
 * Never throws: a timeout, a denial or a broken client is the account's `error`, never the run's. Checks that met
 * throttling after the SDK's own (adaptive) retries are run again after a full-jitter backoff, up to `retries` times.
 */
export async function gradeAccount<E extends GradeTarget>(entry: E, plan: AccountPlan<E>): Promise<AccountGrade> {
  const started = performance.now();
  const log = new ApiCallLog();
  const stackName = entry.stackName ?? defaultStackName(entry.learner);
  const controller = new AbortController();
  setMaxListeners(100, controller.signal); // every call in flight listens to it (a stage's describes run in parallel)
  const timer = setTimeout(() => controller.abort(new GradingTimeoutError(plan.timeoutMs)), plan.timeoutMs);
  const cancel = () => controller.abort(plan.signal?.reason ?? new Error('cancelled'));
  plan.signal?.addEventListener('abort', cancel, { once: true });
  if (plan.signal?.aborted) cancel();

  let clients: AwsClients | undefined;
  let attempts = 1;
  let outcome: Outcome;
  try {
    clients = abortableClients(plan.makeClients(entry, log), controller.signal);
    const work = verifyAndCheck(entry, clients, stackName, plan, controller.signal, () => attempts++);
    work.catch(() => {}); // after a timeout nobody awaits it; it stops at its next call
    outcome = await abortable(work, controller.signal);
  } catch (err) {
    outcome = { status: 'error', verifiedAccountId: null, results: [], problem: problemOf(err, entry, plan) };
  } finally {
    clearTimeout(timer);
    plan.signal?.removeEventListener('abort', cancel);
  }

  const score = scoreOf(outcome.results);
  const grade: AccountGrade = {
    learner: entry.learner,
    learnerId: learnerIdFor(entry.learner),
    stage: plan.stage,
    region: entry.region,
    secondRegion: entry.secondRegion ?? defaultSecondRegion(entry.region),
    stackName,
    expectedAccountId: entry.accountId ?? null,
    verifiedAccountId: outcome.verifiedAccountId,
    status: outcome.status,
    ...(outcome.problem ? { problem: outcome.problem } : {}),
    results: outcome.results,
    score,
    // A stage with no required check implemented yet is not "passed": there was nothing to pass.
    allRequiredPassed: outcome.status === 'graded' && score.requiredTotal > 0 && allRequiredPassed(outcome.results),
    apiCalls: summarizeCalls(log),
    attempts,
    ms: performance.now() - started,
  };
  if (plan.store && grade.status !== 'mismatch') await storeGrade(plan.store, grade, clients?.account.kind ?? 'role');
  return grade;
}

async function verifyAndCheck<E extends GradeTarget>(
  entry: E,
  clients: AwsClients,
  stackName: string,
  plan: AccountPlan<E>,
  signal: AbortSignal,
  countAttempt: () => number,
): Promise<Outcome> {
  let retried = 0;
  const backoff = async () => {
    await sleep(fullJitter(retried, plan.baseMs, plan.capMs, plan.random), signal);
    retried++;
    countAttempt();
  };

  let verified: string | undefined;
  for (;;) {
    try {
      verified = (await clients.sts.send(new GetCallerIdentityCommand({}))).Account;
      break;
    } catch (err) {
      const problem = problemOf(err, entry, plan);
      if (problem.kind === 'throttled' && retried < plan.retries) {
        await backoff();
        continue;
      }
      return { status: 'error', verifiedAccountId: null, results: [], problem };
    }
  }
  if (!verified) {
    const reason = 'STS GetCallerIdentity returned no account id.';
    return { status: 'error', verifiedAccountId: null, results: [], problem: { kind: 'other', reason: both(reason) } };
  }
  if (entry.accountId && verified !== entry.accountId) {
    return {
      status: 'mismatch',
      verifiedAccountId: verified,
      results: [],
      problem: mismatch(entry.accountId, verified),
    };
  }

  // Each round grades the checks that were throttled in the last one, over a fresh Inventory (its memo would
  // otherwise hand back the same rejected describe).
  const results = new Map<string, CheckResult>();
  let pending = [...plan.checks];
  for (;;) {
    const throttled = new Set<string>();
    const round = await evaluateChecks(
      pending.map((check) => noteThrottling(check, throttled)),
      new Inventory(clients, { stackName }),
    );
    for (const result of round) results.set(result.id, result);
    if (!throttled.size || retried >= plan.retries) break;
    await backoff();
    pending = pending.filter((check) => throttled.has(check.id));
  }
  return {
    status: 'graded',
    verifiedAccountId: verified,
    results: plan.checks.flatMap((check) => results.get(check.id) ?? []),
  };
}

/** The same check, remembering when it ended in throttling, so the account can back off and run it again. */
function noteThrottling(check: CheckDefinition, throttled: Set<string>): CheckDefinition {
  return {
    ...check,
    async run(inventory) {
      try {
        return await check.run(inventory);
      } catch (err) {
        if (explainAwsError(err).kind === 'throttled') throttled.add(check.id);
        throw err;
      }
    },
  };
}

const both = (text: string) => ({ en: text, ko: text });

function mismatch(expected: string, verified: string): AccountProblem {
  return {
    kind: 'mismatch',
    reason: {
      en: `The role is in account ${verified}, but the roster says ${expected}: not graded.`,
      ko: `역할이 계정 ${verified}에 있지만 명단에는 ${expected}로 되어 있습니다. 채점하지 않았습니다.`,
    },
  };
}

/** An error that ended an account's grading, as a plain reason. A refused AssumeRole names the role to fix. */
function problemOf<E extends GradeTarget>(err: unknown, entry: E, plan: AccountPlan<E>): AccountProblem {
  if (err instanceof GradingTimeoutError) {
    const s = Math.round(plan.timeoutMs / 100) / 10;
    return {
      kind: 'timeout',
      reason: {
        en: `Grading did not finish within ${s} s; the account was given up.`,
        ko: `${s}초 안에 채점이 끝나지 않아 이 계정은 포기했습니다.`,
      },
    };
  }
  if (plan.signal?.aborted && err === plan.signal.reason) {
    return { kind: 'cancelled', reason: { en: 'Grading was cancelled.', ko: '채점이 취소되었습니다.' } };
  }
  const plain = explainAwsError(err);
  const e = err as Error;
  const roleArn = entry.roleArn;
  // GetCallerIdentity needs no permission: a denial here is the AssumeRole behind the credentials.
  if (roleArn && (plain.kind === 'access-denied' || /AssumeRole/.test(e?.message ?? ''))) {
    return {
      kind: plain.kind === 'access-denied' ? 'access-denied' : 'credentials',
      action: 'sts:AssumeRole',
      reason: {
        en: `Could not assume ${roleArn} (${e.name}): check that the learner deployed templates/access/learner-access.yaml with this external id.`,
        ko: `${roleArn} 역할을 맡을 수 없습니다 (${e.name}). 학습자가 이 외부 ID로 templates/access/learner-access.yaml을 배포했는지 확인하세요.`,
      },
    };
  }
  return { kind: plain.kind, reason: plain.reason, ...(plain.action ? { action: plain.action } : {}) };
}

/** Required passed / required total, recommended beside it. An error or skipped check is not a pass. */
export function scoreOf(results: readonly CheckResult[]): Score {
  const count = (severity: CheckResult['severity'], passed: boolean) =>
    results.filter((r) => r.severity === severity && (!passed || r.status === 'pass')).length;
  const requiredTotal = count('required', false);
  const requiredPassed = count('required', true);
  return {
    requiredPassed,
    requiredTotal,
    recommendedPassed: count('recommended', true),
    recommendedTotal: count('recommended', false),
    ratio: requiredTotal ? requiredPassed / requiredTotal : null,
  };
}

function summarizeCalls(log: ApiCallLog): ApiCallSummary {
  const failed = log.calls.filter((c) => c.outcome !== 'ok');
  return {
    total: log.calls.length,
    throttled: failed.filter((c) => explainAwsError({ name: c.outcome }).kind === 'throttled').length,
    failed: failed.length,
    byOperation: log.counts(),
    calls: [...log.calls], // a timed-out account's last call may still be logged after its grade is made
  };
}

/** Store the grade as an ordinary check run of the roster learner. Storing never changes the grade. */
async function storeGrade(store: GradingStore, grade: AccountGrade, accountKind: string): Promise<void> {
  try {
    await store.ensureLearner(grade.learnerId);
    const run = await store.startCheckRun({
      learnerId: grade.learnerId,
      stageId: grade.stage,
      accountKind,
      accountId: grade.verifiedAccountId ?? grade.expectedAccountId,
    });
    grade.runId = run.id;
    await store.finishCheckRun(run.id, {
      results: grade.results,
      apiCalls: grade.apiCalls.calls,
      allRequiredPassed: grade.allRequiredPassed,
      accountId: grade.verifiedAccountId,
      error: grade.status === 'error' ? (grade.problem?.reason.en ?? 'error') : null,
    });
  } catch (err) {
    grade.storeError = (err as Error).message;
  }
}
