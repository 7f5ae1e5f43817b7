import 'server-only';
import { labStackName, learnerAccount } from '@/lib/accounts/learner-account';
import { clientsForAccount } from '@/lib/aws/for-account';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import type { Store } from '@/lib/progress';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { readLabTemplate } from '@/lib/stacks/lab-template';
import { recordStackOperation } from '@/lib/stacks/record-operation';

/**
 * Deploy a stage's solution into the learner's account for the instructor, through the path the learner's own stack
 * card takes (change set → execute → recorded and followed operation), so the roster and the learner's page show it.
 * Returns the recorded operation's id. Throws StackError (busy stack, nothing to change) or the AWS error.
 */
export async function fastForwardLearner(
  store: Store,
  learnerId: string,
  stageId: StageId,
): Promise<string | undefined> {
  const account = await learnerAccount(store, learnerId);
  const clients = clientsForAccount(account, { region: account.regions[0] ?? 'us-east-1' });
  const stackName = labStackName(learnerId);
  const source = getLab(stageId).templates.solution;
  const templateBody = await readLabTemplate(stageId, source);
  const since = new Date(Date.now() - 1000);
  const preview = await prepareChangeSet({ clients, stackName, templateBody, tags: { 'scalelab:stage': stageId } });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  await recordStackOperation({
    store,
    clients,
    learnerId,
    stageId,
    stackName,
    operation: preview.type === 'CREATE' ? 'create' : 'update',
    source,
    since,
  });
  // The operation just recorded: the roster shows the fast-forward pending until it has finished.
  return (await store.latestStackOperation(learnerId))?.id;
}
