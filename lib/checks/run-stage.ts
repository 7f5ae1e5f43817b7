import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { allChecks } from '@/checkers';
import { capSnapshot } from '@/lib/architecture/cap';
import type { ArchitectureSnapshot } from '@/lib/architecture/model';
import { architectureSnapshot } from '@/lib/architecture/snapshot';
import { ApiCallLog } from '@/lib/aws/api-calls';
import type { AwsClients } from '@/lib/aws/clients';
import { explainAwsError } from '@/lib/aws/errors';
import { policyFromStore, unlockPolicy } from '@/lib/events/policy-rules';
import { Inventory } from '@/lib/inventory';
import type { JobHandler } from '@/lib/jobs/worker';
import { runHeld } from '@/lib/jobs/worker';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import type { CheckRunRow, Store } from '@/lib/progress';
import { instructorStoreOf } from '@/lib/progress/instructor-store';
import { allRequiredPassed, type CheckResult, evaluateChecks } from './evaluate';

export class StageLockedError extends Error {
  constructor(readonly stageId: StageId) {
    super(`Stage ${stageId} is locked for this learner.`);
    this.name = 'StageLockedError';
  }
}

export interface RunStageInput {
  store: Store;
  learnerId: string;
  stageId: StageId;
  /** Clients for the learner's account and the stage's region; a fresh call log is attached to the run. */
  makeClients: (log: ApiCallLog) => AwsClients;
  stackName: string;
  /** Minimum time between two runs of one learner (default 10 s). */
  cooldownMs?: number;
  /** Locked stages are refused unless the caller is an instructor acting for the learner. */
  allowLocked?: boolean;
}

/** What `startStageRun` hands back: the stored run at once, and the promise of its end. */
export interface StartedRun {
  run: CheckRunRow;
  done: Promise<CheckRunRow>;
}

export const CHECK_RUN_JOB = 'check-run';

/**
 * Run a stage's checks against the learner's account and store the run. The run row exists before any check
 * starts, results are appended as they come (live progress), and unlocking is decided later from the stored run.
 * The run is a job (lib/jobs) held by this server with a heartbeat: if the server dies mid-run, another one (or this
 * one restarted) runs it again from the start (checks only read, so a repeat is safe) or closes it as abandoned.
 */
export async function startStageRun(input: RunStageInput): Promise<StartedRun> {
  const { store, learnerId, stageId } = input;
  if (!input.allowLocked) {
    // The learner's event is part of the rule (stages enabled, quizzes gating), decided here on the server.
    const instructors = await instructorStoreOf(store);
    const policy = instructors ? await policyFromStore(instructors, learnerId) : null;
    if ((await store.stageStatuses(learnerId, unlockPolicy(policy)))[stageId] === 'locked') {
      throw new StageLockedError(stageId);
    }
  }
  const log = new ApiCallLog();
  const clients = input.makeClients(log);
  const run = await store.startCheckRun(
    { learnerId, stageId, accountKind: clients.account.kind, accountId: clients.account.accountId ?? null },
    { cooldownMs: input.cooldownMs ?? 10_000 },
  );
  const job = await store.jobs.startHeld({
    kind: CHECK_RUN_JOB,
    key: run.id,
    payload: { learnerId, stageId, stackName: input.stackName },
    maxAttempts: 2,
  });
  const done = runHeld(store.jobs, job, (signal) => execute(input, clients, log, run.id, signal));
  return { run, done };
}

/** The check-run job after a crash: run the stage's checks again, from nothing, on the server that took it over. */
export function checkRunJobHandler(deps: {
  store: Store;
  makeClients: (learnerId: string, log: ApiCallLog) => Promise<AwsClients>;
}): JobHandler {
  return {
    async run(job, signal) {
      const { learnerId, stageId, stackName } = job.payload as {
        learnerId: string;
        stageId: StageId;
        stackName: string;
      };
      // Closed meanwhile (the learner started a new run, or an earlier attempt finished it): nothing left to do.
      if (!(await deps.store.restartCheckRun(job.key))) return;
      const log = new ApiCallLog();
      const clients = await deps.makeClients(learnerId, log);
      await execute(
        { store: deps.store, learnerId, stageId, stackName, makeClients: () => clients },
        clients,
        log,
        job.key,
        signal,
      );
    },
    abandon: (job, reason) => deps.store.abandonCheckRun(job.key, reason),
  };
}

async function execute(
  input: RunStageInput,
  clients: AwsClients,
  log: ApiCallLog,
  runId: string,
  signal?: AbortSignal,
): Promise<CheckRunRow> {
  const { stageId } = input;
  // Once another worker has taken the job over, this one writes nothing more.
  const store: Pick<Store, 'appendCheckResult' | 'finishCheckRun'> = {
    appendCheckResult: async (id, r) => {
      signal?.throwIfAborted();
      await input.store.appendCheckResult(id, r);
    },
    finishCheckRun: async (id, finish) => {
      signal?.throwIfAborted();
      return input.store.finishCheckRun(id, finish);
    },
  };
  const checks = getLab(stageId).checks.flatMap((id) => allChecks.filter((c) => c.id === id));
  let accountId: string | null = clients.account.accountId ?? null;
  try {
    const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
    accountId = identity.Account ?? accountId;
  } catch (err) {
    // Without a verified identity nothing is graded: the whole run is an error, never a failure.
    const plain = explainAwsError(err);
    return store.finishCheckRun(runId, {
      results: [],
      apiCalls: log.calls,
      allRequiredPassed: false,
      accountId,
      error: plain.reason.en,
      errorKo: plain.reason.ko,
    });
  }
  const inventory = new Inventory(clients, { stackName: input.stackName });
  const pending: Promise<void>[] = [];
  let results: CheckResult[] = [];
  let architecture: ArchitectureSnapshot | null = null;
  try {
    const evaluated = evaluateChecks(checks, inventory, {
      onResult: (r) => void pending.push(store.appendCheckResult(runId, r)),
    });
    // The live diagram reads the same memoized Inventory while the checks run: it costs the describes no check
    // needed, in parallel, and never fails the run (a part it cannot read is named in the snapshot).
    const drawn = architectureSnapshot(inventory).then(
      (s) => capSnapshot(s),
      () => null,
    );
    [results, architecture] = await Promise.all([evaluated, drawn]);
    await Promise.all(pending);
  } catch (err) {
    return store.finishCheckRun(runId, {
      results,
      apiCalls: log.calls,
      allRequiredPassed: false,
      accountId,
      error: (err as Error).message,
      errorKo: explainAwsError(err).reason.ko,
    });
  }
  // Stored in the stage's order, whatever order they finished in.
  return store.finishCheckRun(runId, {
    results,
    apiCalls: log.calls,
    allRequiredPassed: allRequiredPassed(results),
    accountId,
    architecture,
  });
}
