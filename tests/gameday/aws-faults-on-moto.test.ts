import {
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { rebootLabDatabase, startLabInstances, stopLabInstances } from '@/lib/gameday/aws-faults';
import { motoAvailable, startMoto } from '../wire/moto';

const STACK = 'scalelab-gameday';
const hasMoto = motoAvailable();

describe.skipIf(!hasMoto)('game-day failures on a real account’s API (moto), only on lab-tagged resources', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let clients: AwsClients;
  const saved = { ...process.env };
  const ids: Record<string, string> = {};
  const state = async (id: string) =>
    (await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0]
      ?.State?.Name;

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    moto = await startMoto();
    // Through AWS_ENDPOINT_URL, as a deployment points ScaleLab at an AWS-compatible endpoint.
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    clients = createClients({ kind: 'profile', regions: ['us-east-1'] }, { region: 'us-east-1', maxAttempts: 1 });
    const vpc = await clients.ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    const subnet = await clients.ec2.send(
      new CreateSubnetCommand({ VpcId: vpc.Vpc?.VpcId, CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a' }),
    );
    const image = (await clients.ec2.send(new DescribeImagesCommand({}))).Images?.[0]?.ImageId;
    const run = async (tags: { Key: string; Value: string }[]) =>
      (
        await clients.ec2.send(
          new RunInstancesCommand({
            ImageId: image,
            InstanceType: 't3.micro',
            MinCount: 1,
            MaxCount: 1,
            SubnetId: subnet.Subnet?.SubnetId,
            TagSpecifications: [{ ResourceType: 'instance', Tags: tags }],
          }),
        )
      ).Instances?.[0]?.InstanceId ?? '';
    ids.lab = await run([{ Key: 'scalelab:lab', Value: STACK }]);
    ids.other = await run([{ Key: 'Name', Value: 'not-the-lab' }]);
    for (const [name, tags] of [
      ['lab-db', [{ Key: 'scalelab:lab', Value: STACK }]],
      ['other-db', [{ Key: 'Name', Value: 'shop' }]],
    ] as const)
      await clients.rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: name,
          DBInstanceClass: 'db.t3.micro',
          Engine: 'mysql',
          MasterUsername: 'admin',
          MasterUserPassword: 'password123',
          AllocatedStorage: 20,
          MultiAZ: true,
          Tags: [...tags],
        }),
      );
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('stops and starts a lab instance', async () => {
    await expect(stopLabInstances(clients, STACK, [ids.lab ?? ''])).resolves.toEqual([ids.lab]);
    await expect(state(ids.lab ?? '')).resolves.toBe('stopped');
    await expect(startLabInstances(clients, STACK, [ids.lab ?? ''])).resolves.toEqual([ids.lab]);
    await expect(state(ids.lab ?? '')).resolves.toBe('running');
  });

  it('refuses an instance that is not tagged for the lab, and leaves it running', async () => {
    await expect(stopLabInstances(clients, STACK, [ids.lab ?? '', ids.other ?? ''])).rejects.toThrow(
      `The instance ${ids.other} does not carry the tag scalelab:lab=${STACK}`,
    );
    await expect(state(ids.other ?? '')).resolves.toBe('running');
    await expect(state(ids.lab ?? '')).resolves.toBe('running');
  });

  it('reboots the lab database with failover (Multi-AZ), and refuses another database', async () => {
    const out = await rebootLabDatabase(clients, STACK, 'lab-db');
    expect(out.failover).toBe(true);
    await expect(rebootLabDatabase(clients, STACK, 'other-db')).rejects.toThrow(/other-db does not carry the tag/);
    const other = (await clients.rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'other-db' })))
      .DBInstances?.[0];
    expect(other?.DBInstanceStatus).toBe('available');
  });
});
