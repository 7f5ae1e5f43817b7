import {
  AllocateAddressCommand,
  AssociateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateInternetGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  DescribeImagesCommand,
  RevokeSecurityGroupIngressCommand,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand, ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allChecks } from '@/checkers';
import type { Account } from '@/lib/aws/account';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { evaluateChecks } from '@/lib/checks/evaluate';
import { Inventory } from '@/lib/inventory';
import { getLab } from '@/lib/labs/registry';
import type { StageId } from '@/lib/labs/types';
import { motoAvailable, startMoto } from './moto';

/**
 * The real wire path: the same checks, through the real SDK serializers and paginators, against moto (an independent
 * AWS emulator) reached via the account's endpoint. Resources are created with SDK calls, the way a learner clicking in
 * the console would, and found through the `scalelab:lab` tag (there is no stack), so lab scoping is proven too.
 */
const hasMoto = motoAvailable();
if (!hasMoto) console.warn('\n⚠ moto_server not found: the real-wire-format suite is SKIPPED. CI must have moto.\n');

const STACK = 'scalelab-wire';
const tag = (Key: string, Value: string) => ({ Key, Value });

describe.skipIf(!hasMoto)('checks over the real SDK wire format (moto)', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  let clients: AwsClients;
  const ids: Record<string, string> = {};
  const saved = { ...process.env };

  const verdicts = async (stage: StageId) => {
    const log = new ApiCallLog();
    // Graded through AWS_ENDPOINT_URL (set below), as a deployment would point ScaleLab at LocalStack or moto.
    const account: Account = { kind: 'profile', regions: ['us-east-1'] };
    const c = createClients(account, { region: 'us-east-1', log, maxAttempts: 1 });
    const checks = getLab(stage).checks.flatMap((id) => allChecks.filter((x) => x.id === id));
    const results = await evaluateChecks(checks, new Inventory(c, { stackName: STACK }));
    return { byId: Object.fromEntries(results.map((r) => [r.id, r.status])), results, log };
  };

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    delete process.env.AWS_PROFILE;
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
    clients = createClients(
      { kind: 'profile', regions: ['us-east-1'], endpoint: moto.endpoint },
      { region: 'us-east-1' },
    );
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('fails every required stage 00 check on an empty account (no lab VPC)', async () => {
    const { byId } = await verdicts('00-one-user');
    expect(byId).toMatchObject({
      'ec2.web-instance-running': 'fail',
      'ec2.elastic-ip': 'fail',
      'sg.no-open-admin-ports': 'fail',
    });
  });

  it('passes stage 00 once the one-box architecture exists, built by hand with SDK calls', async () => {
    const { ec2 } = clients;
    const vpc = await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16' }));
    ids.vpc = vpc.Vpc?.VpcId ?? '';
    await ec2.send(new CreateTagsCommand({ Resources: [ids.vpc], Tags: [tag('scalelab:lab', STACK)] }));
    const subnet = await ec2.send(
      new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: '10.0.0.0/24', AvailabilityZone: 'us-east-1a' }),
    );
    ids.publicSubnet = subnet.Subnet?.SubnetId ?? '';
    const igw = await ec2.send(new CreateInternetGatewayCommand({}));
    ids.igw = igw.InternetGateway?.InternetGatewayId ?? '';
    await ec2.send(new AttachInternetGatewayCommand({ VpcId: ids.vpc, InternetGatewayId: ids.igw }));
    const rt = await ec2.send(new CreateRouteTableCommand({ VpcId: ids.vpc }));
    ids.publicRt = rt.RouteTable?.RouteTableId ?? '';
    await ec2.send(
      new CreateRouteCommand({ RouteTableId: ids.publicRt, DestinationCidrBlock: '0.0.0.0/0', GatewayId: ids.igw }),
    );
    await ec2.send(new AssociateRouteTableCommand({ RouteTableId: ids.publicRt, SubnetId: ids.publicSubnet }));
    const sg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'web', Description: 'web', VpcId: ids.vpc }));
    ids.webSg = sg.GroupId ?? '';
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: ids.webSg,
        IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      }),
    );
    const image =
      (await ec2.send(new DescribeImagesCommand({ Owners: ['amazon'] }))).Images?.[0]?.ImageId ?? 'ami-12c6146b';
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: image,
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        SubnetId: ids.publicSubnet,
        SecurityGroupIds: [ids.webSg],
        MetadataOptions: { HttpTokens: 'required' },
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [tag('scalelab:role', 'web'), tag('scalelab:lab', STACK)] },
        ],
      }),
    );
    ids.instance = run.Instances?.[0]?.InstanceId ?? '';
    const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    await ec2.send(new AssociateAddressCommand({ AllocationId: eip.AllocationId, InstanceId: ids.instance }));

    const { byId, log } = await verdicts('00-one-user');
    expect(byId).toMatchObject({
      'ec2.web-instance-running': 'pass',
      'ec2.elastic-ip': 'pass',
      'sg.no-open-admin-ports': 'pass',
      'ec2.imdsv2-required': 'pass',
    });
    // Each describe once per run, over the wire too.
    expect(Object.values(log.counts()).every((n) => n === 1)).toBe(true);
  });

  it('fails sg.no-open-admin-ports when SSH is opened to the world, naming the group and port', async () => {
    const ssh = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
    await clients.ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: ids.webSg, IpPermissions: [ssh] }));
    const { results } = await verdicts('00-one-user');
    const r = results.find((x) => x.id === 'sg.no-open-admin-ports');
    expect(r?.status).toBe('fail');
    expect(r?.message.en).toContain(`${ids.webSg}:22`);
    await clients.ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: ids.webSg, IpPermissions: [ssh] }));
  });

  it('grades stage 01: an encrypted private RDS reachable only from the web SG passes; a public one fails', async () => {
    const { ec2, rds } = clients;
    const subnets: string[] = [];
    for (const [cidr, az] of [
      ['10.0.10.0/24', 'us-east-1a'],
      ['10.0.11.0/24', 'us-east-1b'],
    ] as const) {
      const s = await ec2.send(new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: cidr, AvailabilityZone: az }));
      subnets.push(s.Subnet?.SubnetId ?? '');
    }
    const privateRt = await ec2.send(new CreateRouteTableCommand({ VpcId: ids.vpc }));
    for (const s of subnets) {
      await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRt.RouteTable?.RouteTableId, SubnetId: s }));
    }
    const dbSg = await ec2.send(new CreateSecurityGroupCommand({ GroupName: 'db', Description: 'db', VpcId: ids.vpc }));
    await ec2.send(
      new AuthorizeSecurityGroupIngressCommand({
        GroupId: dbSg.GroupId,
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 3306, ToPort: 3306, UserIdGroupPairs: [{ GroupId: ids.webSg }] },
        ],
      }),
    );
    await rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: 'lab-db',
        DBSubnetGroupDescription: 'private',
        SubnetIds: subnets,
      }),
    );
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'lab-db',
        Engine: 'mysql',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'admin',
        MasterUserPassword: 'not-a-real-password-1',
        DBSubnetGroupName: 'lab-db',
        VpcSecurityGroupIds: [dbSg.GroupId ?? ''],
        PubliclyAccessible: false,
        StorageEncrypted: true,
        BackupRetentionPeriod: 1,
      }),
    );
    const passing = await verdicts('01-split-database');
    expect(passing.byId).toEqual({
      'rds.instance-in-lab-vpc': 'pass',
      'rds.private-subnets': 'pass',
      'sg.db-from-web-only': 'pass',
      'rds.not-public': 'pass',
      'rds.encrypted': 'pass',
      'rds.backups-enabled': 'pass',
    });

    await rds.send(
      new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'lab-db', PubliclyAccessible: true, ApplyImmediately: true }),
    );
    const failing = await verdicts('01-split-database');
    expect(failing.byId['rds.not-public']).toBe('fail');
    expect(failing.byId['rds.encrypted']).toBe('pass');
  });
});
