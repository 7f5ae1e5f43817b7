import { CreateStackCommand, DescribeStackEventsCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { expect } from 'vitest';
import type { AwsClients } from '@/lib/aws/clients';
import { createSandbox, type SandboxOptions } from '@/lib/sandbox';

/** A VPC with one subnet in each of two Availability Zones (us-east-1a, us-east-1b): most rules need one. */
export const NETWORK = `
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a } }
  SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b } }
`;

export const template = (resources: string, network = true) => `Resources:\n${network ? NETWORK : ''}${resources}`;

let counter = 0;

/** Create a stack at speed 0: its final status and the first failed resource's status reason. */
export async function createStack(clients: AwsClients, body: string, name = `rules-${++counter}`) {
  await clients.cloudformation.send(
    new CreateStackCommand({ StackName: name, TemplateBody: body, Capabilities: ['CAPABILITY_NAMED_IAM'] }),
  );
  const stack = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  const events = (await clients.cloudformation.send(new DescribeStackEventsCommand({ StackName: name }))).StackEvents;
  const failed = (events ?? []).reverse().find((e) => e.ResourceStatus?.endsWith('_FAILED'));
  return { status: stack?.StackStatus, reason: failed?.ResourceStatusReason, logicalId: failed?.LogicalResourceId };
}

export function sandbox(options: SandboxOptions = {}, region = 'us-east-1') {
  return createSandbox({ accountId: '111122223333', ...options }).clientsFor(region, { maxAttempts: 1 });
}

/** The stack rolls back and the resource's reason is AWS's (the whole reason, so its shape is checked too). */
export async function expectRefused(body: string, reason: RegExp, clients = sandbox()) {
  const result = await createStack(clients, body);
  expect(result.status).toBe('ROLLBACK_COMPLETE');
  expect(result.reason).toMatch(reason);
  return result;
}

export async function expectAccepted(body: string, clients = sandbox()) {
  const result = await createStack(clients, body);
  expect(result.status, `${result.logicalId}: ${result.reason}`).toBe('CREATE_COMPLETE');
  return result;
}

/** The handler's wording around a service message: `Resource handler returned message: "<m> (Service: S, …)"`. */
export const sdkReason = (message: string, service: string, code = 'InvalidRequest', status = 400) =>
  new RegExp(
    `^Resource handler returned message: "${escapeRegExp(message)} \\(Service: ${service}, Status Code: ${status}, Request ID: [0-9a-f-]{36}\\)" \\(HandlerErrorCode: ${code}\\)$`,
  );

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
