import { cfnSuffix, generatedName, stableHex } from '../ids';
import type { ResourceRecord } from '../state';
import { needSecurityGroup } from './ec2-compute';
import { needSubnet } from './ec2-network';
import { bool, fail, list, type ModelContext, type Models, need, num, str } from './model';
import { GLOBAL_CLUSTER, globalClusterNotFound } from './rds-global';

const SUBNET_GROUP = 'AWS::RDS::DBSubnetGroup';
const INSTANCE = 'AWS::RDS::DBInstance';
const CLUSTER = 'AWS::RDS::DBCluster';

const ENGINES: Record<string, { port: number; version: string; minStorage: number }> = {
  mysql: { port: 3306, version: '8.0.39', minStorage: 20 },
  mariadb: { port: 3306, version: '10.11.9', minStorage: 20 },
  postgres: { port: 5432, version: '16.4', minStorage: 20 },
  'aurora-mysql': { port: 3306, version: '8.0.mysql_aurora.3.08.0', minStorage: 0 },
  'aurora-postgresql': { port: 5432, version: '16.4', minStorage: 0 },
  'oracle-se2': { port: 1521, version: '19.0.0.0.ru-2024-10.rur-2024-10.r1', minStorage: 20 },
  'sqlserver-ex': { port: 1433, version: '16.00.4150.1.v1', minStorage: 20 },
};

/** RDS lower-cases identifiers; CloudFormation generates `stack-logicalid-abc123` when none is given. */
const dbName = (ctx: ModelContext, given: string | undefined, max = 63) =>
  (given ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, max, true))
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/^-+|--+/g, '');

const subnetGroupNotFound = (name: string): [string, string] => [
  `DBSubnetGroupName '${name}' not found.`,
  'DBSubnetGroupNotFoundFault',
];

/** A subnet group's subnets, and whether any of them routes to an internet gateway (RDS's default for PubliclyAccessible). */
export function subnetGroupFacts(ctx: ModelContext, group: ResourceRecord) {
  const subnets = list(group.props, 'SubnetIds').map((s) => needSubnet(ctx, s));
  return {
    subnets,
    zones: [...new Set(subnets.map((s) => String(s.attrs.AvailabilityZone)))],
    vpcId: String(subnets[0]?.attrs.VpcId ?? ''),
  };
}

function checkPassword(ctx: ModelContext) {
  if (bool(ctx.props, 'ManageMasterUserPassword')) return;
  const password = str(ctx.props, 'MasterUserPassword');
  if (!str(ctx.props, 'MasterUsername'))
    fail('The parameter MasterUsername must be provided and must not be blank.', 'InvalidParameterValue');
  if (!password)
    fail('The parameter MasterUserPassword must be provided and must not be blank.', 'InvalidParameterValue');
  if (password.length < 8)
    fail(
      'The parameter MasterUserPassword is not a valid password because it is shorter than 8 characters.',
      'InvalidParameterValue',
    );
}

export const rdsModels: Models = {
  [SUBNET_GROUP]: {
    seconds: 3,
    make(ctx) {
      if (!str(ctx.props, 'DBSubnetGroupDescription'))
        fail('DBSubnetGroupDescription is required.', 'InvalidParameterValue');
      const name = dbName(ctx, str(ctx.props, 'DBSubnetGroupName'), 255);
      const record = { props: ctx.props } as ResourceRecord;
      const { subnets, vpcId } = subnetGroupFacts(ctx, record);
      if (new Set(subnets.map((s) => s.attrs.VpcId)).size > 1)
        fail('Subnets must all be in the same VPC.', 'InvalidSubnet');
      // Two Availability Zones at least: lib/sandbox/rules/rds.ts (rds.subnet-group-two-azs).
      return {
        physicalId: name,
        attrs: { VpcId: vpcId, DBSubnetGroupArn: `arn:aws:rds:${ctx.region}:${ctx.accountId}:subgrp:${name}` },
      };
    },
  },

  [INSTANCE]: {
    seconds: 420,
    make(ctx) {
      const { props, region, accountId, world } = ctx;
      const id = dbName(ctx, str(props, 'DBInstanceIdentifier'));
      const sourceRef = str(props, 'SourceDBInstanceIdentifier');
      const source = sourceRef
        ? (world.all(INSTANCE).find((d) => d.physicalId === sourceRef || d.attrs.DBInstanceArn === sourceRef) ??
          fail(`DBInstance ${sourceRef} not found.`, 'DBInstanceNotFound'))
        : undefined;
      const clusterRef = str(props, 'DBClusterIdentifier');
      const cluster = clusterRef
        ? need(ctx, CLUSTER, clusterRef.toLowerCase(), (c) => [`DBCluster ${c} not found.`, 'DBClusterNotFoundFault'])
        : undefined;
      const engine =
        str(props, 'Engine') ??
        (source?.attrs.Engine as string | undefined) ??
        (cluster?.attrs.Engine as string | undefined);
      if (!engine) fail('Engine is required.', 'InvalidParameterValue');
      const spec = ENGINES[engine] ?? fail(`Invalid DB engine: ${engine}`, 'InvalidParameterValue');
      const klass = str(props, 'DBInstanceClass') ?? fail('DBInstanceClass is required.', 'InvalidParameterValue');
      if (
        !/^db\.(t3|t4g|m5|m6g|m6i|m7g|r5|r6g|r6i|r7g|serverless)\.?(micro|small|medium|large|xlarge|\d+xlarge)?$/.test(
          klass,
        )
      )
        fail(`Invalid DB Instance class: ${klass}`, 'InvalidParameterValue');
      if (engine.startsWith('aurora') && !cluster)
        fail('The DBClusterIdentifier is required for an Aurora DB instance.', 'InvalidParameterCombination');
      if (!source && !cluster) {
        checkPassword(ctx);
        const storage = num(props, 'AllocatedStorage');
        if (storage === undefined || storage < spec.minStorage)
          fail(
            `Invalid storage size for engine name ${engine} and storage type gp2: ${storage ?? 0}`,
            'InvalidParameterCombination',
          );
      }
      const groupName =
        str(props, 'DBSubnetGroupName') ??
        (source?.attrs.DBSubnetGroupName as string | undefined) ??
        (cluster?.attrs.DBSubnetGroupName as string | undefined);
      if (!groupName)
        fail(
          'No default VPC for this account: DBSubnetGroupName is required in the sandbox.',
          'InvalidVPCNetworkStateFault',
        );
      const group = need(ctx, SUBNET_GROUP, groupName.toLowerCase(), subnetGroupNotFound);
      const facts = subnetGroupFacts(ctx, group);
      const sgs = list(props, 'VPCSecurityGroups');
      for (const g of sgs) {
        const sg = needSecurityGroup(ctx, g);
        if (sg.attrs.VpcId !== facts.vpcId)
          fail(`The DB instance and EC2 security group are in different VPCs.`, 'InvalidParameterCombination');
      }
      const az =
        str(props, 'AvailabilityZone') ?? facts.zones[Number.parseInt(stableHex(id, 2), 16) % facts.zones.length]!;
      if (!facts.zones.includes(az))
        fail(
          `Cannot create a database instance because the subnet group has no subnet in ${az}.`,
          'InvalidParameterCombination',
        );
      const multiAz = bool(props, 'MultiAZ') ?? false;
      if (multiAz && str(props, 'AvailabilityZone'))
        fail(
          'Requesting a specific availability zone is not valid for Multi-AZ instances.',
          'InvalidParameterCombination',
        );
      const secondary = multiAz ? facts.zones.find((z) => z !== az) : undefined;
      const isPublicDefault = facts.subnets.every((s) =>
        world
          .all('AWS::EC2::SubnetRouteTableAssociation')
          .some((a) => a.props.SubnetId === s.physicalId && routesToIgw(ctx, String(a.props.RouteTableId))),
      );
      const host = `${id}.${stableHex(`${accountId}:${region}`, 12)}.${region}.rds.amazonaws.com`;
      return {
        physicalId: id,
        attrs: {
          'Endpoint.Address': host,
          'Endpoint.Port': String(spec.port),
          DBInstanceArn: `arn:aws:rds:${region}:${accountId}:db:${id}`,
          DbiResourceId: (ctx.existing?.attrs.DbiResourceId as string) ?? `db-${cfnSuffix(26)}`,
          Engine: engine,
          EngineVersion:
            str(props, 'EngineVersion') ??
            (source?.attrs.EngineVersion as string | undefined) ??
            (cluster?.attrs.EngineVersion as string | undefined) ??
            spec.version,
          DBInstanceClass: klass,
          DBSubnetGroupName: group.physicalId,
          VpcId: facts.vpcId,
          AvailabilityZone: az,
          SecondaryAvailabilityZone: secondary,
          MultiAZ: multiAz,
          PubliclyAccessible: bool(props, 'PubliclyAccessible') ?? isPublicDefault,
          StorageEncrypted:
            bool(props, 'StorageEncrypted') ??
            (source?.attrs.StorageEncrypted as boolean | undefined) ??
            (cluster?.attrs.StorageEncrypted as boolean | undefined) ??
            false,
          SourceDBInstanceIdentifier: source?.physicalId,
          DBClusterIdentifier: cluster?.physicalId,
          AllocatedStorage:
            num(props, 'AllocatedStorage') ??
            (source?.attrs.AllocatedStorage as number | undefined) ??
            (cluster ? 1 : 20),
          VPCSecurityGroups: sgs.length ? sgs : ((cluster?.attrs.VpcSecurityGroupIds as string[] | undefined) ?? []),
          BackupRetentionPeriod: num(props, 'BackupRetentionPeriod') ?? (source ? 0 : 1),
          // RDS keeps the master password in Secrets Manager when asked to (no password in the template).
          ...(bool(props, 'ManageMasterUserPassword')
            ? {
                'MasterUserSecret.SecretArn':
                  (ctx.existing?.attrs['MasterUserSecret.SecretArn'] as string | undefined) ??
                  `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-${stableHex(id, 8)}-${cfnSuffix(6)}`,
              }
            : {}),
        },
      };
    },
  },

  [CLUSTER]: {
    seconds: 120,
    make(ctx) {
      const { props, region, accountId } = ctx;
      const id = dbName(ctx, str(props, 'DBClusterIdentifier'));
      const engine = str(props, 'Engine') ?? fail('Engine is required.', 'InvalidParameterValue');
      const spec = ENGINES[engine] ?? fail(`Invalid DB engine: ${engine}`, 'InvalidParameterValue');
      if (!props.GlobalClusterIdentifier && !props.SnapshotIdentifier && !props.SourceDBClusterIdentifier)
        checkPassword(ctx);
      const globalId = str(props, 'GlobalClusterIdentifier');
      if (globalId && !ctx.world.all(GLOBAL_CLUSTER, true).some((g) => g.physicalId === globalId))
        fail(...globalClusterNotFound());
      const groupName =
        str(props, 'DBSubnetGroupName') ??
        fail(
          'No default VPC for this account: DBSubnetGroupName is required in the sandbox.',
          'InvalidVPCNetworkStateFault',
        );
      const group = need(ctx, SUBNET_GROUP, groupName.toLowerCase(), subnetGroupNotFound);
      const facts = subnetGroupFacts(ctx, group);
      const sgs = list(props, 'VpcSecurityGroupIds');
      for (const g of sgs) needSecurityGroup(ctx, g);
      const hash = stableHex(`${accountId}:${region}`, 12);
      return {
        physicalId: id,
        attrs: {
          'Endpoint.Address': `${id}.cluster-${hash}.${region}.rds.amazonaws.com`,
          'Endpoint.Port': String(num(props, 'Port') ?? spec.port),
          'ReadEndpoint.Address': `${id}.cluster-ro-${hash}.${region}.rds.amazonaws.com`,
          DBClusterArn: `arn:aws:rds:${region}:${accountId}:cluster:${id}`,
          DBClusterResourceId: (ctx.existing?.attrs.DBClusterResourceId as string) ?? `cluster-${cfnSuffix(26)}`,
          Engine: engine,
          EngineVersion: str(props, 'EngineVersion') ?? spec.version,
          DBSubnetGroupName: group.physicalId,
          VpcId: facts.vpcId,
          AvailabilityZones: facts.zones,
          StorageEncrypted: bool(props, 'StorageEncrypted') ?? false,
          VpcSecurityGroupIds: sgs,
          GlobalClusterIdentifier: str(props, 'GlobalClusterIdentifier'),
        },
      };
    },
  },
};

function routesToIgw(ctx: ModelContext, tableId: string): boolean {
  return ctx.world
    .all('AWS::EC2::Route')
    .some((r) => r.props.RouteTableId === tableId && String(r.props.GatewayId ?? '').startsWith('igw-'));
}
