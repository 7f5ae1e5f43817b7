import { DescribeStacksCommand, type Stack } from '@aws-sdk/client-cloudformation';
import type { AwsClients } from '@/lib/aws/clients';

/** The stack as it is now, or undefined when there is none (a deleted stack counts as none). */
export async function currentStack(clients: AwsClients, stackName: string): Promise<Stack | undefined> {
  try {
    const out = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: stackName }));
    return out.Stacks?.find((s) => s.StackStatus !== 'DELETE_COMPLETE');
  } catch (err) {
    if ((err as Error).name === 'ValidationError' && /does not exist/.test((err as Error).message)) return undefined;
    throw err;
  }
}
