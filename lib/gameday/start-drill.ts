import 'server-only';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import type { Localized } from '@/lib/i18n/locales';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { getStore } from '@/lib/progress';
import { sandboxFor } from '@/lib/sandbox';
import { networkView } from '@/lib/sandbox/data-plane/view';
import { WindowLimiter } from '@/lib/security/rate-limit';
import { drillSpec, drillsForStage } from './drills';
import { runDrill } from './engine';
import { DrillUnavailableError, loadWorld } from './load-world';
import { DrillBusyError, startRealDrill } from './real/drill-job';
import { drillJob, latestDrillJob, requestStop } from './real/drill-row';
import { followDrill } from './real/follow';
import { type DrillMessage, replay } from './stream';
import type { DrillId } from './types';

const key = Symbol.for('scalelab.gameday');
type Holder = typeof globalThis & { [key]?: { running: Set<string>; hourly: WindowLimiter } };
/** One drill at a time per learner, twenty an hour (each plays a few minutes of simulated traffic). */
function guards() {
  const holder = globalThis as Holder;
  holder[key] ??= { running: new Set(), hourly: new WindowLimiter({ limit: 20, windowMs: 3_600_000 }) };
  return holder[key];
}

export class DrillRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly reason: Localized,
  ) {
    super(reason.en);
  }
}

/**
 * Start a drill for a learner on a stage and hand back its messages. In the sandbox the drill is a pure function of
 * the account's state, played out in milliseconds and replayed at the sandbox's pace: nothing is written, and if
 * this server stops mid-drill there is nothing to resume (the impairments lived in its memory only), so it is not a
 * job. On a real account it is a job (lib/gameday/real/drill-job.ts): real traffic for real minutes, the failure on
 * the lab's tagged resources, lifted whatever happens; the messages are read from the job's row.
 */
export async function startDrill(learnerId: string, stageId: StageId, drill: DrillId, signal?: AbortSignal) {
  const lab = getLab(stageId);
  if (!drillsForStage(lab.order).some((d) => d.id === drill))
    throw new DrillRefusedError(400, {
      en: `The drill ${drill} is not offered on stage ${String(lab.order).padStart(2, '0')}.`,
      ko: `${String(lab.order).padStart(2, '0')} 스테이지에서는 ${drill} 훈련을 제공하지 않습니다.`,
    });
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  const g = guards();
  if (account.kind !== 'sandbox') return startOnAccount(learnerId, stageId, drill, signal);
  if (g.running.has(learnerId))
    throw new DrillRefusedError(429, { en: 'A drill is already running.', ko: '이미 훈련이 진행 중입니다.' });
  const verdict = g.hourly.take(learnerId);
  if (!verdict.ok)
    throw new DrillRefusedError(429, {
      en: `Too many drills this hour: try again in ${Math.ceil(verdict.retryAfterMs / 60_000)} min.`,
      ko: `이번 시간에 훈련이 너무 많습니다. ${Math.ceil(verdict.retryAfterMs / 60_000)}분 뒤에 다시 시도하세요.`,
    });
  const region = account.regions[0] ?? 'us-east-1';
  const clients = clientsForAccount(account, { region });
  const sandbox = sandboxFor(account.accountId);
  await sandbox.ready();
  let result: ReturnType<typeof runDrill>;
  try {
    const world = await loadWorld(clients, await networkView(sandbox.snapshot()), labStackName(learnerId));
    result = runDrill(world, drill);
  } catch (err) {
    if (err instanceof DrillUnavailableError) throw new DrillRefusedError(409, err.reason);
    throw err;
  }
  g.running.add(learnerId);
  const spec = drillSpec(drill);
  const messages = replay(result, {
    wallMsPerSecond: Math.max(0, sandbox.speed) * 1000,
    failure: result.failure && { from: spec.failAt, to: spec.liftAt, impairments: result.failure },
    impair: (impairments) => {
      sandbox.impairments = impairments;
    },
    signal,
  });
  async function* guarded(): AsyncGenerator<DrillMessage> {
    try {
      yield* messages;
    } finally {
      g.running.delete(learnerId);
    }
  }
  return guarded();
}

/** A real account's drill: started as a job, its messages followed from the job's row. */
async function startOnAccount(learnerId: string, stageId: StageId, drill: DrillId, signal?: AbortSignal) {
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  const limit = guards().hourly.take(learnerId);
  if (!limit.ok)
    throw new DrillRefusedError(429, {
      en: `Too many drills this hour: try again in ${Math.ceil(limit.retryAfterMs / 60_000)} min.`,
      ko: `이번 시간에 훈련이 너무 많습니다. ${Math.ceil(limit.retryAfterMs / 60_000)}분 뒤에 다시 시도하세요.`,
    });
  const clients = clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1' });
  try {
    const { jobId } = await startRealDrill({ database: store.database, jobs: store.jobs }, clients, {
      learnerId,
      stageId,
      drill,
      stackName: labStackName(learnerId),
    });
    return followDrill(store.database, jobId, signal ? { signal } : {});
  } catch (err) {
    if (err instanceof DrillUnavailableError) throw new DrillRefusedError(409, err.reason);
    if (err instanceof DrillBusyError)
      throw new DrillRefusedError(429, {
        en: 'A drill is already running: the panel follows it.',
        ko: '이미 훈련이 진행 중입니다. 패널이 그 훈련을 따라갑니다.',
      });
    throw err;
  }
}

/** The learner's real drill, if one runs or last ran: for the panel to follow it again after a reload. */
export async function currentRealDrill(learnerId: string) {
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  if (account.kind === 'sandbox') return { real: false as const };
  const job = await latestDrillJob(store.database, learnerId);
  return {
    real: true as const,
    ...(job
      ? { drill: { jobId: job.id, drill: job.record.drill, stageId: job.record.stageId, state: job.state } }
      : {}),
  };
}

/** Follow a drill of this learner's (the job must be theirs). */
export async function followRealDrill(learnerId: string, jobId: string, signal?: AbortSignal) {
  const store = await getStore();
  const job = await drillJob(store.database, jobId);
  if (!job || job.record.learnerId !== learnerId)
    throw new DrillRefusedError(404, { en: 'No such drill.', ko: '그런 훈련이 없습니다.' });
  return followDrill(store.database, jobId, signal ? { signal } : {});
}

/** Stop the learner's running real drill (on whichever server runs it): it lifts the failure and ends. */
export async function stopRealDrill(learnerId: string): Promise<boolean> {
  const store = await getStore();
  return requestStop(store.database, learnerId);
}
