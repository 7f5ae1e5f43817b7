'use server';

import { z } from 'zod';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { StageLockedError, startStageRun } from '@/lib/checks/run-stage';
import { stageIds } from '@/lib/labs/types';
import { getStore, RunLimitError } from '@/lib/progress';
import { currentLearnerId } from '@/lib/session/current-learner';

const input = z.object({ stageId: z.enum(stageIds) });

export type RunChecksResult =
  | { ok: true; runId: string }
  | {
      ok: false;
      error: 'invalid' | 'no-learner' | 'locked' | 'busy' | 'cooldown' | 'failed';
      message: string;
      retryAfterS?: number;
    };

/** Start a check run of a stage for the current learner; the page follows it over SSE. */
export async function runStageChecks(raw: unknown): Promise<RunChecksResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid', message: 'Unknown stage.' };
  const learnerId = await currentLearnerId();
  if (!learnerId) return { ok: false, error: 'no-learner', message: 'No learner session. Reload the page.' };
  const store = await getStore();
  const account = await learnerAccount(store, learnerId);
  try {
    const { run, done } = await startStageRun({
      store,
      learnerId,
      stageId: parsed.data.stageId,
      stackName: labStackName(learnerId),
      cooldownMs: Number(process.env.SCALELAB_CHECK_COOLDOWN_MS ?? 10_000),
      makeClients: (log) => clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1', log }),
    });
    done.catch((err) => console.error(`check run ${run.id} failed:`, (err as Error).message));
    return { ok: true, runId: run.id };
  } catch (err) {
    if (err instanceof StageLockedError) return { ok: false, error: 'locked', message: err.message };
    if (err instanceof RunLimitError) {
      return {
        ok: false,
        error: err.reason === 'running' ? 'busy' : 'cooldown',
        message: err.message,
        retryAfterS: Math.ceil(err.retryAfterMs / 1000),
      };
    }
    console.error('could not start a check run:', (err as Error).message);
    return { ok: false, error: 'failed', message: 'The check run could not start. Try again.' };
  }
}
