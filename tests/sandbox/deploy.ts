import { CreateStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { expect } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';

/** Create a stack at speed 0 and expect CREATE_COMPLETE (the failed events are in the message when it is not). */
export async function deploy(c: AwsClients, name: string, body: string): Promise<Record<string, string>> {
  await c.cloudformation.send(
    new CreateStackCommand({ StackName: name, TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] }),
  );
  const stack = (await c.cloudformation.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  if (stack?.StackStatus !== 'CREATE_COMPLETE') {
    const events = (await c.cloudformation.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents ?? [];
    const failed = events.filter((e) => e.ResourceStatus?.endsWith('FAILED')).map((e) => e.ResourceStatusReason);
    expect.fail(`${name}: ${stack?.StackStatus} ${failed.join(' | ')}`);
  }
  return Object.fromEntries((stack.Outputs ?? []).map((o) => [o.OutputKey!, o.OutputValue!]));
}
