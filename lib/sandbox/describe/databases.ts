/** ElastiCache and DynamoDB: replication groups and their nodes, tables (global tables' replicas included). */
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { inRegion } from './common';

function table(ctx: CallContext): ResourceRecord {
  const name = String(ctx.input.TableName);
  const t = [...inRegion(ctx, 'AWS::DynamoDB::Table'), ...inRegion(ctx, 'AWS::DynamoDB::GlobalTable')].find(
    (r) => r.physicalId === name || r.attrs.Arn === name,
  );
  if (!t) throw awsError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
  return t;
}

export const databaseHandlers: Handlers = {
  'ElastiCache.DescribeReplicationGroups': (ctx) => {
    const id = ctx.input.ReplicationGroupId as string | undefined;
    const groups = inRegion(ctx, 'AWS::ElastiCache::ReplicationGroup').filter((r) => !id || r.physicalId === id);
    if (id && !groups.length) throw awsError('ReplicationGroupNotFoundFault', `ReplicationGroup ${id} not found.`, 404);
    const shaped = groups.map((r) => {
      const members = r.attrs.Members as { id: string; zone: string }[];
      const failover = r.props.AutomaticFailoverEnabled === true || r.props.AutomaticFailoverEnabled === 'true';
      return {
        ReplicationGroupId: r.physicalId,
        Description: String(r.props.ReplicationGroupDescription),
        Status: 'available',
        MemberClusters: members.map((m) => m.id),
        NodeGroups: [
          {
            NodeGroupId: '0001',
            Status: 'available',
            PrimaryEndpoint: { Address: String(r.attrs['PrimaryEndPoint.Address']), Port: 6379 },
            ReaderEndpoint: { Address: String(r.attrs['ReaderEndPoint.Address']), Port: 6379 },
            NodeGroupMembers: members.map((m, i) => ({
              CacheClusterId: m.id,
              CacheNodeId: '0001',
              PreferredAvailabilityZone: m.zone,
              CurrentRole: i === 0 ? 'primary' : 'replica',
            })),
          },
        ],
        AutomaticFailover: failover ? 'enabled' : 'disabled',
        MultiAZ: r.props.MultiAZEnabled === true || r.props.MultiAZEnabled === 'true' ? 'enabled' : 'disabled',
        ClusterEnabled: false,
        CacheNodeType: String(r.props.CacheNodeType),
        AtRestEncryptionEnabled: r.props.AtRestEncryptionEnabled === true,
        TransitEncryptionEnabled: r.props.TransitEncryptionEnabled === true,
        ARN: String(r.attrs.ARN),
        Engine: String(r.props.Engine ?? 'redis'),
      };
    });
    const p = page(shaped, ctx.input, { sizeKey: 'MaxRecords', tokenKey: 'Marker', maxSize: 100 });
    return { ReplicationGroups: p.items, ...p.token };
  },
  'ElastiCache.DescribeCacheClusters': (ctx) => {
    const clusters = inRegion(ctx, 'AWS::ElastiCache::ReplicationGroup').flatMap((r) =>
      (r.attrs.Members as { id: string; zone: string }[]).map((m) => ({
        CacheClusterId: m.id,
        ReplicationGroupId: r.physicalId,
        CacheNodeType: String(r.props.CacheNodeType),
        Engine: String(r.props.Engine ?? 'redis'),
        CacheClusterStatus: 'available',
        PreferredAvailabilityZone: m.zone,
        CacheSubnetGroupName: String(r.attrs.CacheSubnetGroupName),
        SecurityGroups: ((r.props.SecurityGroupIds as string[] | undefined) ?? []).map((g) => ({
          SecurityGroupId: g,
          Status: 'active',
        })),
        NumCacheNodes: 1,
      })),
    );
    return {
      CacheClusters: clusters.filter((c) => !ctx.input.CacheClusterId || c.CacheClusterId === ctx.input.CacheClusterId),
    };
  },
  'ElastiCache.DescribeCacheSubnetGroups': (ctx) => ({
    CacheSubnetGroups: inRegion(ctx, 'AWS::ElastiCache::SubnetGroup')
      .filter((r) => !ctx.input.CacheSubnetGroupName || r.physicalId === ctx.input.CacheSubnetGroupName)
      .map((r) => ({
        CacheSubnetGroupName: r.physicalId,
        CacheSubnetGroupDescription: String(r.props.Description),
        VpcId: String(r.attrs.VpcId),
        Subnets: ((r.props.SubnetIds as string[]) ?? []).map((s) => ({ SubnetIdentifier: s })),
      })),
  }),

  'DynamoDB.ListTables': (ctx) => {
    const names = [...inRegion(ctx, 'AWS::DynamoDB::Table'), ...inRegion(ctx, 'AWS::DynamoDB::GlobalTable')]
      .map((r) => r.physicalId)
      .sort();
    const start = ctx.input.ExclusiveStartTableName as string | undefined;
    const from = start ? names.filter((n) => n > start) : names;
    const limit = Number(ctx.input.Limit ?? 100);
    const out = from.slice(0, limit);
    return { TableNames: out, ...(from.length > limit ? { LastEvaluatedTableName: out[out.length - 1] } : {}) };
  },
  'DynamoDB.DescribeTable': (ctx) => {
    const t = table(ctx);
    const replicas = (t.attrs.Replicas as string[] | undefined) ?? [];
    const billing = String(
      t.props.BillingMode ??
        // A global table's replicas (tables in the other regions) bill as the global table does.
        (t.type === 'AWS::DynamoDB::GlobalTable' || t.props.GlobalTableOf ? 'PAY_PER_REQUEST' : 'PROVISIONED'),
    );
    const throughput = (t.props.ProvisionedThroughput ?? {}) as Record<string, unknown>;
    return {
      Table: {
        TableName: t.physicalId,
        TableArn: String(t.attrs.Arn),
        TableId: String(t.attrs.TableId),
        TableStatus: 'ACTIVE',
        CreationDateTime: new Date(t.createdAt),
        KeySchema: t.props.KeySchema,
        AttributeDefinitions: t.props.AttributeDefinitions,
        BillingModeSummary: { BillingMode: billing },
        ProvisionedThroughput: {
          ReadCapacityUnits: Number(throughput.ReadCapacityUnits ?? 0),
          WriteCapacityUnits: Number(throughput.WriteCapacityUnits ?? 0),
          NumberOfDecreasesToday: 0,
        },
        ItemCount: 0,
        TableSizeBytes: 0,
        StreamSpecification: t.props.StreamSpecification
          ? {
              StreamEnabled: true,
              StreamViewType: (t.props.StreamSpecification as Record<string, string>).StreamViewType,
            }
          : undefined,
        LatestStreamArn: t.attrs.StreamArn as string | undefined,
        GlobalTableVersion: replicas.length ? '2019.11.21' : undefined,
        Replicas: replicas.filter((r) => r !== ctx.region).map((r) => ({ RegionName: r, ReplicaStatus: 'ACTIVE' })),
        DeletionProtectionEnabled: t.props.DeletionProtectionEnabled === true,
      },
    };
  },
  'DynamoDB.DescribeTimeToLive': (ctx) => {
    const t = table(ctx);
    const spec = (t.props.TimeToLiveSpecification ?? {}) as Record<string, unknown>;
    const on = spec.Enabled === true || spec.Enabled === 'true';
    return {
      TimeToLiveDescription: on
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: String(spec.AttributeName) }
        : { TimeToLiveStatus: 'DISABLED' },
    };
  },
};
