/** RDS: DB instances (with their replicas and Multi-AZ standby), Aurora clusters and their members, global databases, subnet groups. */
import type { DBCluster, DBInstance, DBSubnetGroup, GlobalCluster, GlobalClusterMember } from '@aws-sdk/client-rds';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import { GLOBAL_CLUSTER, globalClusterNotFound } from '../resources/rds-global';
import type { ResourceRecord } from '../state';
import { byPhysicalId, everywhere, inRegion, tagList } from './common';

const rdsPage = <T>(ctx: CallContext, items: T[], key: string) => {
  const p = page(items, ctx.input, { sizeKey: 'MaxRecords', tokenKey: 'Marker', maxSize: 100 });
  return { [key]: p.items, ...p.token };
};

function subnetGroupShape(ctx: CallContext, name: string): DBSubnetGroup | undefined {
  const g = byPhysicalId(ctx, 'AWS::RDS::DBSubnetGroup', name);
  if (!g) return undefined;
  return {
    DBSubnetGroupName: g.physicalId,
    DBSubnetGroupDescription: String(g.props.DBSubnetGroupDescription),
    VpcId: String(g.attrs.VpcId),
    SubnetGroupStatus: 'Complete',
    DBSubnetGroupArn: String(g.attrs.DBSubnetGroupArn),
    Subnets: ((g.props.SubnetIds as string[]) ?? []).map((id) => ({
      SubnetIdentifier: id,
      SubnetAvailabilityZone: { Name: String(byPhysicalId(ctx, 'AWS::EC2::Subnet', id)?.attrs.AvailabilityZone ?? '') },
      SubnetStatus: 'Active',
    })),
    SupportedNetworkTypes: ['IPV4'],
  };
}

function dbShape(ctx: CallContext, r: ResourceRecord): DBInstance {
  const a = r.attrs;
  const all = inRegion(ctx, 'AWS::RDS::DBInstance');
  // An Aurora instance has its cluster's master user and database.
  const cluster = byPhysicalId(ctx, 'AWS::RDS::DBCluster', a.DBClusterIdentifier)?.props ?? {};
  return {
    DBInstanceIdentifier: r.physicalId,
    DBInstanceArn: String(a.DBInstanceArn),
    DBInstanceClass: String(a.DBInstanceClass),
    Engine: String(a.Engine),
    EngineVersion: String(a.EngineVersion),
    DBInstanceStatus: 'available',
    MasterUsername: (r.props.MasterUsername ?? cluster.MasterUsername) as string | undefined,
    DBName: (r.props.DBName ?? cluster.DatabaseName) as string | undefined,
    Endpoint: {
      Address: String(a['Endpoint.Address']),
      Port: Number(a['Endpoint.Port']),
      HostedZoneId: 'Z2R2ITUGPM61AM',
    },
    AllocatedStorage: Number(a.AllocatedStorage),
    InstanceCreateTime: new Date(r.createdAt),
    BackupRetentionPeriod: Number(a.BackupRetentionPeriod),
    VpcSecurityGroups: ((a.VPCSecurityGroups as string[]) ?? []).map((g) => ({
      VpcSecurityGroupId: g,
      Status: 'active',
    })),
    DBSubnetGroup: subnetGroupShape(ctx, String(a.DBSubnetGroupName)),
    AvailabilityZone: String(a.AvailabilityZone),
    SecondaryAvailabilityZone: a.SecondaryAvailabilityZone as string | undefined,
    MultiAZ: a.MultiAZ === true,
    PubliclyAccessible: a.PubliclyAccessible === true,
    StorageEncrypted: a.StorageEncrypted === true,
    StorageType: String(r.props.StorageType ?? 'gp2'),
    DbiResourceId: String(a.DbiResourceId),
    DeletionProtection: r.props.DeletionProtection === true || r.props.DeletionProtection === 'true',
    ReadReplicaSourceDBInstanceIdentifier: a.SourceDBInstanceIdentifier as string | undefined,
    ReadReplicaDBInstanceIdentifiers: all
      .filter((x) => x.attrs.SourceDBInstanceIdentifier === r.physicalId)
      .map((x) => x.physicalId),
    DBClusterIdentifier: a.DBClusterIdentifier as string | undefined,
    AutoMinorVersionUpgrade: true,
    TagList: tagList(r),
  };
}

function clusterShape(ctx: CallContext, r: ResourceRecord): DBCluster {
  const a = r.attrs;
  const members = inRegion(ctx, 'AWS::RDS::DBInstance')
    .filter((i) => i.attrs.DBClusterIdentifier === r.physicalId)
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  return {
    DBClusterIdentifier: r.physicalId,
    DBClusterArn: String(a.DBClusterArn),
    Engine: String(a.Engine),
    EngineVersion: String(a.EngineVersion),
    Status: 'available',
    Endpoint: String(a['Endpoint.Address']),
    ReaderEndpoint: String(a['ReadEndpoint.Address']),
    Port: Number(a['Endpoint.Port']),
    MasterUsername: r.props.MasterUsername as string | undefined,
    DatabaseName: r.props.DatabaseName as string | undefined,
    MultiAZ: new Set(members.map((m) => m.attrs.AvailabilityZone)).size > 1,
    AvailabilityZones: a.AvailabilityZones as string[],
    DBSubnetGroup: String(a.DBSubnetGroupName),
    StorageEncrypted: a.StorageEncrypted === true,
    DbClusterResourceId: String(a.DBClusterResourceId),
    VpcSecurityGroups: ((a.VpcSecurityGroupIds as string[]) ?? []).map((g) => ({
      VpcSecurityGroupId: g,
      Status: 'active',
    })),
    DBClusterMembers: members.map((m, i) => ({
      DBInstanceIdentifier: m.physicalId,
      IsClusterWriter: i === 0,
      PromotionTier: 1,
      DBClusterParameterGroupStatus: 'in-sync',
    })),
    GlobalClusterIdentifier: (a.GlobalClusterIdentifier as string | undefined) ?? globalSourcedFrom(ctx, r)?.physicalId,
    ClusterCreateTime: new Date(r.createdAt),
    TagList: tagList(r),
  } as DBCluster;
}

/** The global cluster made from this cluster (its SourceDBClusterIdentifier), if any. */
const globalSourcedFrom = (ctx: CallContext, r: ResourceRecord) =>
  everywhere(ctx, GLOBAL_CLUSTER).find((g) => g.attrs.SourceDBClusterArn === r.attrs.DBClusterArn);

/**
 * A global database and its members in every region (RDS API Reference › GlobalCluster, GlobalClusterMember): the
 * primary is the source cluster, else the first to join; each secondary is one of the primary's Readers.
 */
function globalClusterShape(ctx: CallContext, g: ResourceRecord): GlobalCluster {
  const joined = everywhere(ctx, 'AWS::RDS::DBCluster')
    .filter((c) => c.attrs.GlobalClusterIdentifier === g.physicalId)
    .sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  const source = everywhere(ctx, 'AWS::RDS::DBCluster').find(
    (c) => c.attrs.DBClusterArn === g.attrs.SourceDBClusterArn,
  );
  const [primary, ...secondaries] = source ? [source, ...joined.filter((c) => c !== source)] : joined;
  const arn = (c: ResourceRecord) => String(c.attrs.DBClusterArn);
  const members: GlobalClusterMember[] = primary
    ? [
        {
          DBClusterArn: arn(primary),
          IsWriter: true,
          Readers: secondaries.map(arn),
          GlobalWriteForwardingStatus: 'disabled',
        },
        ...secondaries.map((c) => ({
          DBClusterArn: arn(c),
          IsWriter: false,
          Readers: [],
          GlobalWriteForwardingStatus: 'disabled' as const,
          SynchronizationStatus: 'connected' as const,
        })),
      ]
    : [];
  return {
    GlobalClusterIdentifier: g.physicalId,
    GlobalClusterResourceId: String(g.attrs.GlobalClusterResourceId),
    GlobalClusterArn: String(g.attrs.GlobalClusterArn),
    Status: 'available',
    Engine: String(g.attrs.Engine),
    EngineVersion: g.attrs.EngineVersion as string | undefined,
    DatabaseName: g.props.DatabaseName as string | undefined,
    StorageEncrypted: g.attrs.StorageEncrypted === true,
    DeletionProtection: g.props.DeletionProtection === true || g.props.DeletionProtection === 'true',
    GlobalClusterMembers: members,
    Endpoint: `${g.physicalId}.global-${String(g.attrs.GlobalClusterResourceId).slice(-10)}.global.rds.amazonaws.com`,
    TagList: tagList(g),
  };
}

export const rdsHandlers: Handlers = {
  // Account-wide (a global cluster's ARN has no region); the `region` filter keeps those with a member there.
  'RDS.DescribeGlobalClusters': (ctx) => {
    const id = ctx.input.GlobalClusterIdentifier as string | undefined;
    const regions = ((ctx.input.Filters as { Name?: string; Values?: string[] }[] | undefined) ?? [])
      .filter((f) => f.Name === 'region')
      .flatMap((f) => f.Values ?? []);
    const items = everywhere(ctx, GLOBAL_CLUSTER)
      .filter((g) => !id || g.physicalId === id || g.attrs.GlobalClusterArn === id)
      .map((g) => globalClusterShape(ctx, g))
      .filter(
        (g) =>
          !regions.length ||
          (g.GlobalClusterMembers ?? []).some((m) => regions.includes(String(m.DBClusterArn?.split(':')[3]))),
      );
    if (id && !items.length) throw awsError('GlobalClusterNotFoundFault', globalClusterNotFound()[0], 404);
    return rdsPage(ctx, items, 'GlobalClusters');
  },
  'RDS.DescribeDBInstances': (ctx) => {
    const id = ctx.input.DBInstanceIdentifier as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBInstance').filter(
      (r) => !id || r.physicalId === id.toLowerCase() || r.attrs.DBInstanceArn === id,
    );
    if (id && !items.length) throw awsError('DBInstanceNotFoundFault', `DBInstance ${id} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => dbShape(ctx, r)),
      'DBInstances',
    );
  },
  'RDS.DescribeDBClusters': (ctx) => {
    const id = ctx.input.DBClusterIdentifier as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBCluster').filter(
      (r) => !id || r.physicalId === id.toLowerCase() || r.attrs.DBClusterArn === id,
    );
    if (id && !items.length) throw awsError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => clusterShape(ctx, r)),
      'DBClusters',
    );
  },
  'RDS.DescribeDBSubnetGroups': (ctx) => {
    const name = ctx.input.DBSubnetGroupName as string | undefined;
    const items = inRegion(ctx, 'AWS::RDS::DBSubnetGroup').filter((r) => !name || r.physicalId === name.toLowerCase());
    if (name && !items.length) throw awsError('DBSubnetGroupNotFoundFault', `DBSubnetGroup ${name} not found.`, 404);
    return rdsPage(
      ctx,
      items.map((r) => subnetGroupShape(ctx, r.physicalId)!),
      'DBSubnetGroups',
    );
  },
};
