/** Sandbox figures: how long a deploy of the largest template takes at speed 0, and describe throughput. */
import { CreateStackCommand, DeleteStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { createSandbox } from '@/lib/sandbox';

/**
 * A template with a VPC, subnets and `instances` web servers, each with its own security group: 2 + 3·n resources.
 * (Not an Elastic IP each: a new account has 5 per region, and the sandbox refuses the sixth as AWS does.)
 */
function fleetTemplate(instances: number): string {
  const lines = [
    'Resources:',
    '  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.0.0.0/16 } }',
    '  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: web, VpcId: !Ref Vpc } }',
  ];
  for (let i = 0; i < instances; i++) {
    lines.push(
      `  Subnet${i}: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.${i}.0/24, AvailabilityZone: !Select [${i % 3}, !GetAZs ''] } }`,
    );
    lines.push(
      `  Own${i}: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: web ${i}, VpcId: !Ref Vpc } }`,
    );
    lines.push(
      `  Web${i}: { Type: AWS::EC2::Instance, Properties: { ImageId: ami-0123456789abcdef0, InstanceType: t3.micro, SubnetId: !Ref Subnet${i}, SecurityGroupIds: [!Ref Sg, !Ref Own${i}] } }`,
    );
  }
  return lines.join('\n');
}

export async function benchSandbox(): Promise<Record<string, number>> {
  const sandbox = createSandbox({ accountId: '123412341234' });
  const clients = sandbox.clientsFor('us-east-1');
  const figures: Record<string, number> = {};
  // Warm up (the spec loads once per process).
  await clients.cloudformation.send(new CreateStackCommand({ StackName: 'warm', TemplateBody: fleetTemplate(1) }));
  await clients.cloudformation.send(new DeleteStackCommand({ StackName: 'warm' }));
  for (const n of [10, 60]) {
    const body = fleetTemplate(n);
    const started = performance.now();
    await clients.cloudformation.send(new CreateStackCommand({ StackName: `fleet${n}`, TemplateBody: body }));
    figures[`deploy ms, ${2 + 3 * n} resources (speed 0)`] = performance.now() - started;
    const { Stacks } = await clients.cloudformation.send(new DescribeStacksCommand({ StackName: `fleet${n}` }));
    const status = Stacks?.[0]?.StackStatus;
    if (status !== 'CREATE_COMPLETE') throw new Error(`bench template fleet${n} ended ${status}: the figure is void`);
  }
  const calls = 300;
  const started = performance.now();
  for (let i = 0; i < calls; i++)
    await clients.ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] }),
    );
  figures['DescribeInstances calls/s (70 instances)'] = calls / ((performance.now() - started) / 1000);
  return figures;
}
