import { DeleteChangeSetCommand, DeleteStackCommand, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';
import { currentStack } from './current-stack';

/**
 * A preview the learner cancelled (or left behind by closing the tab): delete its change set and, for a first
 * launch, the REVIEW_IN_PROGRESS stack CloudFormation made to hold it. Such a stack has no resources ("a stack in
 * REVIEW_IN_PROGRESS … has no resources yet", CloudFormation User Guide, "Using change sets to create a stack"), so
 * deleting it loses nothing, and the next preview can create a CREATE change set again.
 */
export async function discardPreview(clients: AwsClients, stackName: string, changeSetId?: string): Promise<void> {
  if (changeSetId) {
    const ignoreGone = (err: Error) => {
      // Already gone (deleted, or executed): nothing to discard.
      if (err.name !== 'ChangeSetNotFoundException') throw err;
    };
    // The id comes from the browser: an ARN names its own stack, so only this learner's stack's change set goes.
    const described = await clients.cloudformation
      .send(new DescribeChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }))
      .catch(ignoreGone);
    if (described?.StackName === stackName) {
      await clients.cloudformation
        .send(new DeleteChangeSetCommand({ ChangeSetName: changeSetId, StackName: stackName }))
        .catch(ignoreGone);
    }
  }
  await clearReviewStack(clients, stackName);
}

/** Delete the stack when it is only a REVIEW_IN_PROGRESS shell; true when it was one. */
export async function clearReviewStack(clients: AwsClients, stackName: string): Promise<boolean> {
  const stack = await currentStack(clients, stackName);
  if (stack?.StackStatus !== 'REVIEW_IN_PROGRESS') return false;
  await clients.cloudformation.send(new DeleteStackCommand({ StackName: stack.StackId ?? stackName }));
  return true;
}
