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
 * job. On a real account the drill is not offered from this server yet (see lib/gameday/aws-faults.ts).
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
  if (account.kind !== 'sandbox')
    throw new DrillRefusedError(409, {
      en: 'Drills against a real AWS account are not enabled on this server: switch to the sandbox to run one.',
      ko: '이 서버에서는 실제 AWS 계정에 대한 훈련이 활성화되어 있지 않습니다. 샌드박스로 전환해 실행하세요.',
    });
  const g = guards();
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
