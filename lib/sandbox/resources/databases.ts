import { generatedName, stableHex } from '../ids';
import { REGIONS } from '../regions';
import { needSecurityGroup } from './ec2-compute';
import { needSubnet } from './ec2-network';
import { type Child, fail, list, type ModelContext, type Models, need, num, obj, str } from './model';

const CACHE_SUBNETS = 'AWS::ElastiCache::SubnetGroup';

function checkKeys(props: Record<string, unknown>) {
  const defined = new Set(
    ((props.AttributeDefinitions as Record<string, unknown>[] | undefined) ?? []).map((a) => String(a.AttributeName)),
  );
  const keys = (props.KeySchema as Record<string, unknown>[] | undefined) ?? [];
  if (!keys.length) fail('One or more parameter values were invalid: KeySchema is required', 'ValidationException');
  for (const k of keys)
    if (!defined.has(String(k.AttributeName)))
      fail(
        'One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions.',
        'ValidationException',
      );
  const billing = str(props, 'BillingMode') ?? 'PROVISIONED';
  const throughput = obj(props, 'ProvisionedThroughput');
  if (
    billing === 'PROVISIONED' &&
    (throughput.ReadCapacityUnits === undefined || throughput.WriteCapacityUnits === undefined)
  )
    fail(
      'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED',
      'ValidationException',
    );
}

function tableAttrs(ctx: ModelContext, name: string, region: string) {
  const stream = obj(ctx.props, 'StreamSpecification').StreamViewType;
  const arn = `arn:aws:dynamodb:${region}:${ctx.accountId}:table/${name}`;
  return {
    Arn: arn,
    StreamArn: stream ? `${arn}/stream/${new Date(0).toISOString().replace('Z', '')}` : undefined,
    TableId: `${stableHex(arn, 8)}-${stableHex(arn, 4)}-4${stableHex(arn, 3)}-a${stableHex(arn, 3)}-${stableHex(arn, 12)}`,
  };
}

export const databaseModels: Models = {
  [CACHE_SUBNETS]: {
    seconds: 3,
    make(ctx) {
      if (!str(ctx.props, 'Description')) fail('Description is required.', 'InvalidParameterValue');
      const subnets = list(ctx.props, 'SubnetIds').map((s) => needSubnet(ctx, s));
      if (!subnets.length) fail('At least one subnet is required.', 'InvalidParameterValue');
      const name = (
        str(ctx.props, 'CacheSubnetGroupName') ??
        ctx.existing?.physicalId ??
        generatedName(ctx.stackName, ctx.logicalId, 255, true)
      ).toLowerCase();
      return { physicalId: name, attrs: { VpcId: subnets[0]?.attrs.VpcId } };
    },
  },

  'AWS::ElastiCache::ReplicationGroup': {
    seconds: 600,
    make(ctx) {
      const { props, region } = ctx;
      if (!str(props, 'ReplicationGroupDescription'))
        fail('ReplicationGroupDescription is required.', 'InvalidParameterValue');
      const id = (
        str(props, 'ReplicationGroupId') ??
        ctx.existing?.physicalId ??
        generatedName(ctx.stackName, ctx.logicalId, 40, true)
      ).toLowerCase();
      const nodeType = str(props, 'CacheNodeType') ?? fail('CacheNodeType is required.', 'InvalidParameterValue');
      if (!/^cache\.(t3|t4g|m5|m6g|m7g|r5|r6g|r7g)\.(micro|small|medium|large|\d*xlarge)$/.test(nodeType))
        fail(`Invalid Cache Node Type: ${nodeType}`, 'InvalidParameterValue');
      const engine = str(props, 'Engine') ?? 'redis';
      if (!['redis', 'valkey'].includes(engine)) fail(`Invalid engine: ${engine}`, 'InvalidParameterValue');
      const clusters = num(props, 'NumCacheClusters') ?? 1 + (num(props, 'ReplicasPerNodeGroup') ?? 0);
      // Failover and Multi-AZ need replicas: lib/sandbox/rules/elasticache.ts.
      const group = props.CacheSubnetGroupName
        ? need(ctx, CACHE_SUBNETS, String(props.CacheSubnetGroupName).toLowerCase(), (n) => [
            `CacheSubnetGroup ${n} not found.`,
            'CacheSubnetGroupNotFoundFault',
          ])
        : fail(
            'No default VPC for this account: CacheSubnetGroupName is required in the sandbox.',
            'InvalidVPCNetworkStateFault',
          );
      for (const g of list(props, 'SecurityGroupIds')) needSecurityGroup(ctx, g);
      const zones = [
        ...new Set(list(group.props, 'SubnetIds').map((s) => String(needSubnet(ctx, s).attrs.AvailabilityZone))),
      ];
      const hash = stableHex(id + ctx.accountId, 6);
      const short = REGIONS[region]?.short ?? region;
      return {
        physicalId: id,
        attrs: {
          'PrimaryEndPoint.Address': `${id}.${hash}.ng.0001.${short}.cache.amazonaws.com`,
          'PrimaryEndPoint.Port': '6379',
          'ReaderEndPoint.Address': `${id}-ro.${hash}.ng.0001.${short}.cache.amazonaws.com`,
          'ReaderEndPoint.Port': '6379',
          Members: Array.from({ length: clusters }, (_, i) => ({
            id: `${id}-00${i + 1}`,
            zone: zones[i % zones.length],
          })),
          CacheSubnetGroupName: group.physicalId,
          VpcId: group.attrs.VpcId,
          ARN: `arn:aws:elasticache:${region}:${ctx.accountId}:replicationgroup:${id}`,
        },
      };
    },
  },

  'AWS::DynamoDB::Table': {
    seconds: 10,
    make(ctx) {
      checkKeys(ctx.props);
      const name =
        str(ctx.props, 'TableName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      const taken = ctx.world.all('AWS::DynamoDB::Table').find((t) => t.physicalId === name && t !== ctx.existing);
      if (taken && !ctx.existing) fail(`Table already exists: ${name}`, 'ResourceInUseException');
      return { physicalId: name, attrs: tableAttrs(ctx, name, ctx.region) };
    },
  },

  'AWS::DynamoDB::GlobalTable': {
    seconds: 30,
    make(ctx) {
      checkKeys({
        BillingMode: 'PAY_PER_REQUEST',
        ...ctx.props,
        ...(ctx.props.BillingMode === 'PROVISIONED'
          ? { ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 } }
          : {}),
      });
      const replicas = ((ctx.props.Replicas as Record<string, unknown>[] | undefined) ?? []).map((r) =>
        String(r.Region),
      );
      if (!replicas.includes(ctx.region))
        fail(`You must specify a replica in the stack's region (${ctx.region}).`, 'ValidationException');
      for (const r of replicas) if (!(r in REGIONS)) fail(`Invalid replica region: ${r}`, 'ValidationException');
      const name =
        str(ctx.props, 'TableName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 255);
      // The other regions' replicas exist as tables of their own there.
      const children: Child[] = replicas
        .filter((r) => r !== ctx.region)
        .map((r) => ({
          type: 'AWS::DynamoDB::Table',
          physicalId: name,
          region: r,
          props: { ...ctx.props, Replicas: undefined, GlobalTableOf: name },
          attrs: { ...tableAttrs(ctx, name, r), Replicas: replicas },
          tags: [],
        }));
      return { physicalId: name, attrs: { ...tableAttrs(ctx, name, ctx.region), Replicas: replicas }, children };
    },
  },
};
