import 'server-only';
import { learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { CHECK_RUN_JOB, checkRunJobHandler } from '@/lib/checks/run-stage';
import { gamedayJobHandler } from '@/lib/gameday/real/drill-job';
import { GAMEDAY_JOB } from '@/lib/gameday/real/drill-row';
import type { Store } from '@/lib/progress';
import { STACK_FOLLOW_JOB, stackFollowJobHandler } from '@/lib/stacks/record-operation';
import type { JobHandler } from './worker';

/** The site's job kinds, resumed with the learner's account as the store has it now. */
export function appJobHandlers(store: Store): Record<string, JobHandler> {
  return {
    [CHECK_RUN_JOB]: checkRunJobHandler({
      store,
      makeClients: async (learnerId, log) => {
        const account = await learnerAccount(store, learnerId);
        return clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1', log });
      },
    }),
    [STACK_FOLLOW_JOB]: stackFollowJobHandler({
      store,
      clientsFor: async (learnerId, region) => clientsForAccount(await learnerAccount(store, learnerId), { region }),
    }),
    // A real game-day drill whose server stopped: lift its failure and close it (lib/gameday/real).
    [GAMEDAY_JOB]: gamedayJobHandler({
      database: store.database,
      workerId: () => store.jobs.workerId,
      clientsFor: async (learnerId, region) => clientsForAccount(await learnerAccount(store, learnerId), { region }),
    }),
  };
}
