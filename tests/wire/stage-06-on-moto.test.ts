import { CreateSubnetCommand, CreateVpcCommand } from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBSubnetGroupCommand,
  CreateGlobalClusterCommand,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { motoAvailable, startMoto } from './moto';

/**
 * Stage 06's Aurora checks over the real SDK wire format against moto, built by hand: a writer and a reader in two
 * AZs, in a global database that fails the check until a secondary cluster in us-west-2 joins it (the sandbox does not
 * simulate DescribeGlobalClusters; moto 5.2 keeps a member listed after RemoveFromGlobalCluster, hence this order).
 */
const hasMoto = motoAvailable();
const STACK = 'scalelab-wire6';
const ids = ['aurora.cluster-multi-az', 'aurora.global-database'];

describe.skipIf(!hasMoto)('stage 06 Aurora checks on moto, built by hand', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let east: AwsClients;
  let globalId = '';
  const saved = { ...process.env };

  const verdicts = async () => {
    const checks = allChecks.filter((x) => ids.includes(x.id));
    const results = await evaluateChecks(checks, new Inventory(east, { stackName: STACK }));
    return Object.fromEntries(results.map((r) => [r.id, `${r.status}: ${r.message.en}`]));
  };

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    moto = await startMoto();
    east = createClients(
      { kind: 'profile', regions: ['us-east-1', 'us-west-2'], endpoint: moto.endpoint },
      { region: 'us-east-1', maxAttempts: 1 },
    );
    const vpc = await east.ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.0.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'scalelab:lab', Value: STACK }] }],
      }),
    );
    const VpcId = vpc.Vpc?.VpcId ?? '';
    const subnets = await Promise.all(
      [
        ['10.0.11.0/24', 'us-east-1a'],
        ['10.0.12.0/24', 'us-east-1b'],
      ].map(
        async ([CidrBlock, AvailabilityZone]) =>
          (await east.ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock, AvailabilityZone }))).Subnet?.SubnetId ?? '',
      ),
    );
    await east.rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: `${STACK}-db`,
        DBSubnetGroupDescription: 'aurora',
        SubnetIds: subnets,
      }),
    );
    globalId = `${STACK}-global`;
    await east.rds.send(new CreateGlobalClusterCommand({ GlobalClusterIdentifier: globalId, Engine: 'aurora-mysql' }));
    await east.rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: `${STACK}-aurora`,
        Engine: 'aurora-mysql',
        MasterUsername: 'admin',
        MasterUserPassword: 'correct-horse-battery',
        DBSubnetGroupName: `${STACK}-db`,
        GlobalClusterIdentifier: globalId,
        // The stretch's recommended class is Aurora Serverless v2, which needs the cluster's capacity range.
        ServerlessV2ScalingConfiguration: { MinCapacity: 0.5, MaxCapacity: 2 },
      }),
    );
    // A writer on Aurora Serverless v2 and a reader on the provisioned alternative (a cluster may mix them).
    for (const [id, az, klass] of [
      ['writer', 'us-east-1a', 'db.serverless'],
      ['reader', 'us-east-1b', 'db.r6g.large'],
    ])
      await east.rds.send(
        new CreateDBInstanceCommand({
          DBInstanceIdentifier: `${STACK}-${id}`,
          DBClusterIdentifier: `${STACK}-aurora`,
          Engine: 'aurora-mysql',
          DBInstanceClass: klass,
          AvailabilityZone: az,
          // AWS gives a cluster's instances the cluster's subnet group; moto needs to be told.
          DBSubnetGroupName: `${STACK}-db`,
        }),
      );
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('fails the global database while it has members in one region only', async () => {
    const seen = await verdicts();
    expect(seen['aurora.global-database']).toMatch(/^fail: .*has members only in us-east-1/);
    expect(seen['aurora.cluster-multi-az']).toMatch(/^pass: /);
  });

  it('passes both once a secondary cluster in us-west-2 joins the global database', async () => {
    await east.forRegion('us-west-2').rds.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: `${STACK}-aurora-west`,
        Engine: 'aurora-mysql',
        GlobalClusterIdentifier: globalId,
      }),
    );
    const seen = await verdicts();
    for (const id of ids) expect(seen[id], id).toMatch(/^pass: /);
  });
});
