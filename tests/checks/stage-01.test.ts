import type { RouteTable } from '@aws-sdk/client-ec2';
import type { DBInstance as RdsInstance } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import type { CheckDefinition } from '@/checkers';
import backups from '@/checkers/rds/backups-enabled';
import encrypted from '@/checkers/rds/encrypted';
import inVpc from '@/checkers/rds/instance-in-lab-vpc';
import notPublic from '@/checkers/rds/not-public';
import privateSubnets from '@/checkers/rds/private-subnets';
import dbFromWeb from '@/checkers/sg/db-from-web-only';
import { type Fixtures, fixtureInventory, labStack, nothingDeployed } from '../support/aws-fixtures';

const db = (over: Partial<RdsInstance> = {}): RdsInstance => ({
  DBInstanceIdentifier: 'lab-db',
  Engine: 'mysql',
  DBInstanceStatus: 'available',
  PubliclyAccessible: false,
  StorageEncrypted: true,
  BackupRetentionPeriod: 1,
  Endpoint: { Address: 'lab-db.abc.us-east-1.rds.amazonaws.com', Port: 3306 },
  VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-0db', Status: 'active' }],
  DBSubnetGroup: {
    DBSubnetGroupName: 'lab-db-subnets',
    VpcId: 'vpc-0lab',
    Subnets: [{ SubnetIdentifier: 'subnet-priv-a' }, { SubnetIdentifier: 'subnet-priv-b' }],
  },
  ...over,
});

const routeTables: RouteTable[] = [
  {
    RouteTableId: 'rtb-public',
    VpcId: 'vpc-0lab',
    Associations: [{ SubnetId: 'subnet-pub-a' }],
    Routes: [
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' },
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
    ],
  },
  {
    RouteTableId: 'rtb-main',
    VpcId: 'vpc-0lab',
    Associations: [{ Main: true }],
    Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }],
  },
];

/** The stage 01 solution as AWS describes it. */
const split = (over: Fixtures = {}): Fixtures => ({
  'CloudFormation.DescribeStacks': labStack(),
  'RDS.DescribeDBInstances': { DBInstances: [db()] },
  'EC2.DescribeRouteTables': { RouteTables: routeTables },
  'EC2.DescribeInstances': {
    Reservations: [
      {
        Instances: [
          {
            InstanceId: 'i-0web',
            VpcId: 'vpc-0lab',
            State: { Name: 'running' },
            SecurityGroups: [{ GroupId: 'sg-0web' }],
            Tags: [{ Key: 'scalelab:role', Value: 'web' }],
          },
        ],
      },
    ],
  },
  'EC2.DescribeSecurityGroups': {
    SecurityGroups: [
      {
        GroupId: 'sg-0web',
        VpcId: 'vpc-0lab',
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
      {
        GroupId: 'sg-0db',
        VpcId: 'vpc-0lab',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: 'sg-0web' }] },
        ],
      },
    ],
  },
  ...over,
});

const run = (check: CheckDefinition, fixtures: Fixtures) => check.run(fixtureInventory(fixtures).inventory);
const withDb = (over: Partial<RdsInstance>) => split({ 'RDS.DescribeDBInstances': { DBInstances: [db(over)] } });

describe.each([inVpc, notPublic, privateSubnets, dbFromWeb, encrypted, backups])('$id', (check) => {
  it('passes on the stage 01 solution', async () => {
    const out = await run(check, split());
    expect(out.status, out.message.en).toBe('pass');
    expect(out.message.en).toMatch(/\.$/);
    expect(out.evidence.length).toBeGreaterThan(0);
  });
  it('fails when nothing is deployed yet', async () => {
    expect((await run(check, nothingDeployed)).status).toBe('fail');
  });
  it('fails when the lab VPC has no database (the stage 00 architecture)', async () => {
    const out = await run(check, split({ 'RDS.DescribeDBInstances': { DBInstances: [] } }));
    expect(out.status).toBe('fail');
  });
});

describe('stage 01 failures', () => {
  it('rds.instance-in-lab-vpc ignores a database in another VPC', async () => {
    const other = db({ DBSubnetGroup: { VpcId: 'vpc-0other', Subnets: [] } });
    expect((await run(inVpc, split({ 'RDS.DescribeDBInstances': { DBInstances: [other] } }))).status).toBe('fail');
  });
  it('rds.not-public fails when PubliclyAccessible=true', async () => {
    const out = await run(notPublic, withDb({ PubliclyAccessible: true }));
    expect(out.status).toBe('fail');
    expect(out.message.en).toBe('RDS DB instances lab-db are publicly accessible.');
  });
  it('rds.private-subnets fails when the subnet group holds a public subnet, naming it', async () => {
    const out = await run(
      privateSubnets,
      withDb({
        DBSubnetGroup: {
          DBSubnetGroupName: 'g',
          VpcId: 'vpc-0lab',
          Subnets: [{ SubnetIdentifier: 'subnet-pub-a' }, { SubnetIdentifier: 'subnet-priv-b' }],
        },
      }),
    );
    expect(out.status).toBe('fail');
    expect(out.message.en).toContain('subnet-pub-a');
    expect(out.message.en).not.toContain('subnet-priv-b');
  });
  it.each([
    [
      'a CIDR next to the web SG',
      [
        {
          IpProtocol: 'tcp',
          FromPort: 3306,
          ToPort: 3306,
          UserIdGroupPairs: [{ GroupId: 'sg-0web' }],
          IpRanges: [{ CidrIp: '10.0.0.0/16' }],
        },
      ],
    ],
    ['the world', [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]],
    [
      'another security group',
      [{ IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: 'sg-0other' }] }],
    ],
    ['no rule at all', []],
  ])('sg.db-from-web-only fails when the DB admits %s', async (_name, IpPermissions) => {
    const fixtures = split();
    const groups = (fixtures['EC2.DescribeSecurityGroups'] as { SecurityGroups: object[] }).SecurityGroups;
    const out = await run(dbFromWeb, {
      ...fixtures,
      'EC2.DescribeSecurityGroups': {
        SecurityGroups: [groups[0] as object, { GroupId: 'sg-0db', VpcId: 'vpc-0lab', IpPermissions }],
      },
    });
    expect(out.status).toBe('fail');
  });
  it('rds.encrypted fails when StorageEncrypted=false', async () => {
    const out = await run(encrypted, withDb({ StorageEncrypted: false }));
    expect(out.status).toBe('fail');
    expect(out.evidence[0]).toEqual({
      id: 'lab-db',
      type: 'AWS::RDS::DBInstance',
      values: { StorageEncrypted: false },
    });
  });
  it('rds.backups-enabled fails when BackupRetentionPeriod=0', async () => {
    expect((await run(backups, withDb({ BackupRetentionPeriod: 0 }))).status).toBe('fail');
  });
});
