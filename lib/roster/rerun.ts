import 'server-only';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { startStageRun } from '@/lib/checks/run-stage';
import type { StageId } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';

/** Re-run a learner's stage checks for the instructor: locked stages allowed, the learner's cool-down applies. */
export async function rerunForLearner(store: Store, learnerId: string, stageId: StageId): Promise<string> {
  const account = await learnerAccount(store, learnerId);
  const { run, done } = await startStageRun({
    store,
    learnerId,
    stageId,
    allowLocked: true,
    stackName: labStackName(learnerId),
    cooldownMs: Number(process.env.SCALELAB_CHECK_COOLDOWN_MS ?? 10_000),
    makeClients: (log) => clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1', log }),
  });
  done.catch((err) => console.error(`check run ${run.id} failed:`, (err as Error).message));
  return run.id;
}
