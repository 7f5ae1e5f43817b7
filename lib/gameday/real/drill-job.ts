import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import type { JobQueue } from '@/lib/jobs/queue';
import { type JobHandler, runHeld } from '@/lib/jobs/worker';
import type { StageId } from '@/lib/labs/types';
import type { Database } from '@/lib/progress/database';
import { drillSpec } from '../drills';
import { DrillUnavailableError, labEndpoint } from '../load-world';
import type { DrillId } from '../types';
import { type DrillRecord, GAMEDAY_JOB, latestDrillJob } from './drill-row';
import { closeInterrupted, driveDrill } from './drive';
import { allowedLabUrl, assertStackEndpoint } from './endpoints';
import { findRealLab, planFault } from './faults';
import { summarize } from './topology';

export interface RealDrillDeps {
  database: Database;
  jobs: JobQueue;
  /** Wall-clock milliseconds of a drill second: 1000 (tests play faster). */
  secondMs?: number;
  liftPollMs?: number;
}

export class DrillBusyError extends Error {
  constructor(readonly jobId: string) {
    super('A drill is already running.');
    this.name = 'DrillBusyError';
  }
}

/**
 * Start a real drill as a job held by this server: check the URL (the stack's AppUrl output, an endpoint among the
 * stack's own resources), plan the failure on the lab's tagged resources, store the job with the plan, and drive it in the
 * background. Returns the job's id at once; the drill goes on whether anyone watches, and is closed by another
 * server (the failure lifted) if this one stops.
 */
export async function startRealDrill(
  deps: RealDrillDeps,
  clients: AwsClients,
  input: { learnerId: string; stageId: StageId; drill: DrillId; stackName: string },
): Promise<{ jobId: string; done: Promise<void> }> {
  const spec = drillSpec(input.drill);
  if (!spec.realAws)
    throw new DrillUnavailableError({
      en: `“${spec.title.en}” runs in the sandbox only: on a real fleet it would need a load test or stopping your workers by hand, which this platform does not do. Switch to the sandbox to run it.`,
      ko: `“${spec.title.ko}” 훈련은 샌드박스에서만 실행됩니다. 실제 플릿에서는 부하 테스트나 워커를 직접 멈추는 일이 필요한데, 이 플랫폼은 그렇게 하지 않습니다. 샌드박스로 전환해 실행하세요.`,
    });
  const running = await latestDrillJob(deps.database, input.learnerId);
  if (running && (running.state === 'running' || running.state === 'queued')) throw new DrillBusyError(running.id);
  const appUrl = await labEndpoint(clients, input.stackName);
  const stack = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: input.stackName })))
    .Stacks?.[0];
  const url = allowedLabUrl(appUrl, stack?.Outputs ?? []);
  await assertStackEndpoint(clients, input.stackName, url);
  const lab = await findRealLab(clients, input.stackName);
  const plan = await planFault(clients, input.drill, lab);
  const record: DrillRecord = {
    ...input,
    region: clients.region,
    url: url.href,
    seconds: spec.seconds,
    secondMs: deps.secondMs ?? 1000,
    startedAt: new Date().toISOString(),
    plan,
    lab: summarize(lab),
    ticks: [],
    events: [],
  };
  let job: Awaited<ReturnType<JobQueue['startHeld']>>;
  try {
    job = await deps.jobs.startHeld({
      kind: GAMEDAY_JOB,
      key: input.learnerId,
      payload: { ...record },
      maxAttempts: 2,
    });
  } catch (err) {
    // The open-job index: another server started one for this learner a moment ago.
    const other = await latestDrillJob(deps.database, input.learnerId);
    if (other && (other.state === 'running' || other.state === 'queued')) throw new DrillBusyError(other.id);
    throw err;
  }
  const driveDeps = { database: deps.database, workerId: deps.jobs.workerId, clients, ...lift(deps) };
  const done = runHeld(deps.jobs, job, (signal) => driveDrill(driveDeps, job.id, record, signal)).catch((err) => {
    console.error('game-day drill failed:', (err as Error).message);
  });
  return { jobId: job.id, done };
}

const lift = (deps: { liftPollMs?: number }) => (deps.liftPollMs ? { liftPollMs: deps.liftPollMs } : {});

/**
 * The drill job on a server that takes it over (the one that ran it stopped: its heartbeat went stale, or it handed
 * the job back at shutdown): the drill is not played on with a gap in its series, it is closed — the failure lifted,
 * the interruption recorded. Out of attempts (the closing servers kept dying too), abandoning it lifts as well.
 */
export function gamedayJobHandler(deps: {
  database: Database;
  workerId: () => string;
  clientsFor: (learnerId: string, region: string) => Promise<AwsClients>;
  liftPollMs?: number;
}): JobHandler {
  const close = async (job: { id: string; payload: Record<string, unknown> }, reason: string) => {
    const record = job.payload as unknown as DrillRecord;
    const clients = await deps.clientsFor(record.learnerId, record.region);
    await closeInterrupted(
      { database: deps.database, workerId: deps.workerId(), clients, ...lift(deps) },
      job.id,
      record,
      reason,
    );
  };
  return {
    run: (job) => close(job, 'taken over'),
    abandon: (job, reason) => close(job, reason),
  };
}
