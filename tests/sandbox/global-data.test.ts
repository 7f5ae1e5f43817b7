import { DeleteStackCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeDBClustersCommand, DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '@/lib/sandbox';
import { deploy } from './deploy';

const globalTable = `
Resources:
  Sessions:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      TableName: sessions
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }
      Replicas: [{ Region: us-east-1 }, { Region: us-west-2 }]
`;

const aurora = `
Resources:
  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
  SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1a } }
  SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.1.2.0/24, AvailabilityZone: us-east-1b } }
  DbSg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: db, VpcId: !Ref Vpc } }
  Subnets:
    Type: AWS::RDS::DBSubnetGroup
    Properties: { DBSubnetGroupDescription: aurora, SubnetIds: [!Ref SubnetA, !Ref SubnetB] }
  Cluster:
    Type: AWS::RDS::DBCluster
    Properties:
      DBClusterIdentifier: shop-aurora
      Engine: aurora-mysql
      EngineVersion: 8.0.mysql_aurora.3.05.2
      MasterUsername: admin
      MasterUserPassword: correct-horse-battery
      DatabaseName: shop
      DBSubnetGroupName: !Ref Subnets
      VpcSecurityGroupIds: [!Ref DbSg]
      StorageEncrypted: true
  Writer:
    Type: AWS::RDS::DBInstance
    Properties: { DBInstanceIdentifier: shop-writer, DBClusterIdentifier: !Ref Cluster, Engine: aurora-mysql, DBInstanceClass: db.r6g.large, AvailabilityZone: us-east-1a }
  Reader:
    Type: AWS::RDS::DBInstance
    DependsOn: Writer
    Properties: { DBInstanceIdentifier: shop-reader, DBClusterIdentifier: !Ref Cluster, Engine: aurora-mysql, DBInstanceClass: db.r6g.large, AvailabilityZone: us-east-1b }
Outputs:
  Writer: { Value: !GetAtt Cluster.Endpoint.Address }
  Reader: { Value: !GetAtt Cluster.ReadEndpoint.Address }
`;

describe('sandbox DynamoDB global table', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: '111122223333' });
    await deploy(sandbox.clientsFor('us-east-1'), 'global', globalTable);
  });

  it('describes the same table in both regions, each naming the other replica', async () => {
    const [east, west] = await Promise.all(
      ['us-east-1', 'us-west-2'].map(
        async (region) =>
          (await sandbox.clientsFor(region).dynamodb.send(new DescribeTableCommand({ TableName: 'sessions' }))).Table,
      ),
    );
    for (const [table, region, other] of [
      [east, 'us-east-1', 'us-west-2'],
      [west, 'us-west-2', 'us-east-1'],
    ] as const) {
      expect(table).toMatchObject({
        TableName: 'sessions',
        TableArn: `arn:aws:dynamodb:${region}:111122223333:table/sessions`,
        TableStatus: 'ACTIVE',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
        GlobalTableVersion: '2019.11.21',
        Replicas: [{ RegionName: other, ReplicaStatus: 'ACTIVE' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      });
    }
    expect(west?.TableId).not.toBe(east?.TableId);
  });

  it('lists the replica in each region and removes both with the stack', async () => {
    const west = sandbox.clientsFor('us-west-2').dynamodb;
    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual(['sessions']);
    await sandbox.clientsFor('us-east-1').cloudformation.send(new DeleteStackCommand({ StackName: 'global' }));
    expect((await west.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    await expect(west.send(new DescribeTableCommand({ TableName: 'sessions' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('sandbox Aurora cluster with a writer and a reader in two AZs', () => {
  let sandbox: Sandbox;
  let out: Record<string, string>;
  beforeAll(async () => {
    sandbox = createSandbox({ accountId: '111122223333' });
    out = await deploy(sandbox.clientsFor('us-east-1'), 'aurora', aurora);
  });

  it('describes the cluster: endpoints, members with one writer, Multi-AZ', async () => {
    const rds = sandbox.clientsFor('us-east-1').rds;
    const cluster = (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'shop-aurora' })))
      .DBClusters?.[0];
    expect(cluster).toMatchObject({
      DBClusterIdentifier: 'shop-aurora',
      Engine: 'aurora-mysql',
      EngineVersion: '8.0.mysql_aurora.3.05.2',
      Status: 'available',
      Endpoint: out.Writer,
      ReaderEndpoint: out.Reader,
      Port: 3306,
      MultiAZ: true,
      MasterUsername: 'admin',
      DatabaseName: 'shop',
      StorageEncrypted: true,
    });
    expect(cluster?.Endpoint).toMatch(/^shop-aurora\.cluster-[0-9a-f]{12}\.us-east-1\.rds\.amazonaws\.com$/);
    expect(cluster?.ReaderEndpoint).toMatch(/^shop-aurora\.cluster-ro-/);
    expect(cluster?.DBClusterMembers?.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter])).toEqual([
      ['shop-writer', true],
      ['shop-reader', false],
    ]);
  });

  it('describes the instances in their own AZs, as members of the cluster', async () => {
    const rds = sandbox.clientsFor('us-east-1').rds;
    const dbs = (await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? [];
    expect(dbs.map((d) => [d.DBInstanceIdentifier, d.AvailabilityZone])).toEqual([
      ['shop-writer', 'us-east-1a'],
      ['shop-reader', 'us-east-1b'],
    ]);
    for (const d of dbs)
      expect(d).toMatchObject({
        DBClusterIdentifier: 'shop-aurora',
        Engine: 'aurora-mysql',
        EngineVersion: '8.0.mysql_aurora.3.05.2',
        DBInstanceClass: 'db.r6g.large',
        MasterUsername: 'admin',
        StorageEncrypted: true,
        MultiAZ: false,
        DBSubnetGroup: expect.objectContaining({ DBSubnetGroupName: expect.any(String) }),
      });
    await expect(rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: 'other' }))).rejects.toMatchObject({
      name: 'DBClusterNotFoundFault',
    });
  });
});
