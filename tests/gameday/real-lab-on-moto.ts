import { CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand } from '@aws-sdk/client-rds';
import type { AwsClients } from '@/lib/aws/clients';

export interface MotoLab {
  web: { id: string; az: string }[];
  /** An instance of the same account in the same AZ, without the lab tag: a drill must never touch it. */
  bystander: string;
  albHost: string;
  dbId: string;
}

/**
 * A stage 02 lab as its template leaves it, built on moto with the describes a real drill reads: two web instances in
 * two AZs tagged `scalelab:lab` / `scalelab:role=web`, a Multi-AZ database tagged for the lab, an internet-facing ALB,
 * and a stack with an internet-facing ALB whose AppUrl / AlbDnsName outputs name it (as templates/02-high-availability's do).
 */
export async function buildLabOnMoto(clients: AwsClients, stack: string): Promise<MotoLab> {
  const vpc = await clients.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
  const subnets: Record<string, string> = {};
  for (const [az, cidr] of [
    ['us-east-1a', '10.0.1.0/24'],
    ['us-east-1b', '10.0.2.0/24'],
  ] as const)
    subnets[az] =
      (
        await clients.ec2.send(
          new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: cidr, AvailabilityZone: az }),
        )
      ).Subnet?.SubnetId ?? '';
  const image = (await clients.ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
  const run = async (az: string, tags: { Key: string; Value: string }[]) =>
    (
      await clients.ec2.send(
        new RunInstancesCommand({
          ImageId: image,
          InstanceType: 't3.micro',
          MinCount: 1,
          MaxCount: 1,
          SubnetId: subnets[az],
          TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
        }),
      )
    ).Instances?.[0]?.InstanceId ?? '';
  const labTags = [
    { Key: 'scalelab:lab', Value: stack },
    { Key: 'scalelab:role', Value: 'web' },
  ];
  const web = [
    { id: await run('us-east-1a', labTags), az: 'us-east-1a' },
    { id: await run('us-east-1b', labTags), az: 'us-east-1b' },
  ];
  const bystander = await run('us-east-1a', [{ Key: 'Name', Value: 'not-the-lab' }]);
  const dbId = `${stack}-db`;
  await clients.rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: dbId,
      DBInstanceClass: 'db.t3.micro',
      Engine: 'mysql',
      MasterUsername: 'admin',
      MasterUserPassword: 'password123',
      AllocatedStorage: 20,
      MultiAZ: true,
      AvailabilityZone: 'us-east-1a',
      Tags: [{ Key: 'scalelab:lab', Value: stack }],
    }),
  );
  // The ALB is the stack's own resource, its outputs as templates/02-high-availability's (AppUrl, AlbDnsName).
  const template = {
    Resources: {
      Alb: {
        Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
        Properties: { Name: `${stack}-alb`.slice(0, 32), Subnets: Object.values(subnets), Scheme: 'internet-facing' },
      },
    },
    Outputs: {
      AlbDnsName: { Value: { 'Fn::GetAtt': ['Alb', 'DNSName'] } },
      AppUrl: { Value: { 'Fn::Join': ['', ['http://', { 'Fn::GetAtt': ['Alb', 'DNSName'] }, '/']] } },
    },
  };
  await clients.cloudformation.send(
    new CreateStackCommand({ StackName: stack, TemplateBody: JSON.stringify(template) }),
  );
  const outputs = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: stack }))).Stacks?.[0]
    ?.Outputs;
  const albHost = outputs?.find((o) => o.OutputKey === 'AlbDnsName')?.OutputValue ?? '';
  return { web, bystander, albHost, dbId };
}

/** A stack whose only job is its outputs (moto creates it at once). */
export async function createStackWithOutputs(clients: AwsClients, stack: string, outputs: Record<string, string>) {
  const template = {
    Resources: { Marker: { Type: 'AWS::S3::Bucket' } },
    Outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { Value: v }])),
  };
  await clients.cloudformation.send(
    new CreateStackCommand({ StackName: stack, TemplateBody: JSON.stringify(template) }),
  );
}

export async function instanceState(clients: AwsClients, id: string) {
  const out = await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}
