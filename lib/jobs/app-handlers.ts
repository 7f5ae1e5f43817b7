import 'server-only';
import { learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { CHECK_RUN_JOB, checkRunJobHandler } from '@/lib/checks/run-stage';
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
  };
}
