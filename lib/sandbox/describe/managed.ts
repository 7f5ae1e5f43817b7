import type { DistributionConfig, DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { everywhere, inRegion, tagList } from './common';

const items = <T>(list: T[] | undefined) => ({ Quantity: list?.length ?? 0, Items: list ?? [] });

function bucket(ctx: CallContext): ResourceRecord {
  const name = String(ctx.input.Bucket);
  const b = everywhere(ctx, 'AWS::S3::Bucket').find((r) => r.physicalId === name);
  if (!b) throw awsError('NoSuchBucket', 'The specified bucket does not exist', 404);
  return b;
}

/** CloudFormation's DistributionConfig (lists) as the CloudFront API shows it ({ Quantity, Items }). */
function distributionConfig(r: ResourceRecord): DistributionConfig {
  const c = (r.props.DistributionConfig ?? {}) as Record<string, unknown>;
  const behavior = (b: Record<string, unknown>) => ({
    ...(b.PathPattern ? { PathPattern: String(b.PathPattern) } : {}),
    TargetOriginId: String(b.TargetOriginId),
    ViewerProtocolPolicy: (b.ViewerProtocolPolicy ?? 'allow-all') as 'allow-all',
    CachePolicyId: b.CachePolicyId as string | undefined,
    OriginRequestPolicyId: b.OriginRequestPolicyId as string | undefined,
    Compress: b.Compress === true,
    AllowedMethods: {
      ...items((b.AllowedMethods as ('GET' | 'HEAD')[] | undefined) ?? ['GET', 'HEAD']),
      CachedMethods: items((b.CachedMethods as ('GET' | 'HEAD')[] | undefined) ?? ['GET', 'HEAD']),
    },
    TrustedSigners: { Enabled: false, Quantity: 0 },
    SmoothStreaming: false,
    FieldLevelEncryptionId: '',
    LambdaFunctionAssociations: { Quantity: 0 },
    FunctionAssociations: { Quantity: 0 },
  });
  const origins = ((c.Origins as Record<string, unknown>[] | undefined) ?? []).map((o) => {
    const custom = o.CustomOriginConfig as Record<string, unknown> | undefined;
    return {
      Id: String(o.Id),
      DomainName: String(o.DomainName),
      OriginPath: String(o.OriginPath ?? ''),
      CustomHeaders: items((o.OriginCustomHeaders as { HeaderName: string; HeaderValue: string }[] | undefined) ?? []),
      ...(o.S3OriginConfig || !custom
        ? {
            S3OriginConfig: {
              OriginAccessIdentity: String(
                (o.S3OriginConfig as Record<string, unknown> | undefined)?.OriginAccessIdentity ?? '',
              ),
            },
          }
        : {}),
      ...(custom
        ? {
            CustomOriginConfig: {
              HTTPPort: Number(custom.HTTPPort ?? 80),
              HTTPSPort: Number(custom.HTTPSPort ?? 443),
              OriginProtocolPolicy: String(custom.OriginProtocolPolicy) as 'http-only',
              OriginSslProtocols: items((custom.OriginSSLProtocols as 'TLSv1.2'[] | undefined) ?? ['TLSv1.2']),
              OriginReadTimeout: Number(custom.OriginReadTimeout ?? 30),
              OriginKeepaliveTimeout: Number(custom.OriginKeepaliveTimeout ?? 5),
            },
          }
        : {}),
      ConnectionAttempts: 3,
      ConnectionTimeout: 10,
      OriginAccessControlId: String(o.OriginAccessControlId ?? ''),
    };
  });
  const cert = c.ViewerCertificate as Record<string, unknown> | undefined;
  return {
    CallerReference: r.physicalId,
    Aliases: items(c.Aliases as string[] | undefined),
    DefaultRootObject: String(c.DefaultRootObject ?? ''),
    Origins: items(origins) as DistributionConfig['Origins'],
    DefaultCacheBehavior: behavior(
      (c.DefaultCacheBehavior ?? {}) as Record<string, unknown>,
    ) as DistributionConfig['DefaultCacheBehavior'],
    CacheBehaviors: items(((c.CacheBehaviors as Record<string, unknown>[] | undefined) ?? []).map(behavior) as never),
    CustomErrorResponses: { Quantity: 0 },
    Comment: String(c.Comment ?? ''),
    PriceClass: (c.PriceClass as 'PriceClass_All' | undefined) ?? 'PriceClass_All',
    Enabled: c.Enabled === true || c.Enabled === 'true',
    ViewerCertificate: cert?.AcmCertificateArn
      ? {
          ACMCertificateArn: String(cert.AcmCertificateArn),
          SSLSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        }
      : { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1', CertificateSource: 'cloudfront' },
    Restrictions: { GeoRestriction: { RestrictionType: 'none', Quantity: 0 } },
    WebACLId: String(c.WebACLId ?? ''),
    HttpVersion: (c.HttpVersion as 'http2' | undefined) ?? 'http1.1',
    IsIPV6Enabled: c.IPV6Enabled === true,
    Staging: false,
  };
}

function distribution(ctx: CallContext): ResourceRecord {
  const d = everywhere(ctx, 'AWS::CloudFront::Distribution').find((r) => r.physicalId === ctx.input.Id);
  if (!d) throw awsError('NoSuchDistribution', 'The specified distribution does not exist.', 404);
  return d;
}

function table(ctx: CallContext): ResourceRecord {
  const name = String(ctx.input.TableName);
  const t = [...inRegion(ctx, 'AWS::DynamoDB::Table'), ...inRegion(ctx, 'AWS::DynamoDB::GlobalTable')].find(
    (r) => r.physicalId === name || r.attrs.Arn === name,
  );
  if (!t) throw awsError('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
  return t;
}

function queue(ctx: CallContext): ResourceRecord {
  const q = inRegion(ctx, 'AWS::SQS::Queue').find((r) => r.physicalId === ctx.input.QueueUrl);
  if (!q) throw awsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return q;
}

const iso = (r: ResourceRecord) => new Date(r.createdAt);

export const managedHandlers: Handlers = {
  'S3.ListBuckets': (ctx) => ({
    Buckets: everywhere(ctx, 'AWS::S3::Bucket').map((b) => ({
      Name: b.physicalId,
      CreationDate: iso(b),
      BucketRegion: b.region,
    })),
    Owner: { ID: `sandbox${ctx.state.accountId}`, DisplayName: 'scalelab-sandbox' },
  }),
  'S3.GetPublicAccessBlock': (ctx) => {
    const given = bucket(ctx).props.PublicAccessBlockConfiguration as Record<string, unknown> | undefined;
    // New buckets block all public access unless the template says otherwise (AWS's default since April 2023).
    const flag = (k: string) => (given ? given[k] === true || given[k] === 'true' : true);
    return {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: flag('BlockPublicAcls'),
        IgnorePublicAcls: flag('IgnorePublicAcls'),
        BlockPublicPolicy: flag('BlockPublicPolicy'),
        RestrictPublicBuckets: flag('RestrictPublicBuckets'),
      },
    };
  },
  'S3.GetBucketPolicy': (ctx) => {
    const b = bucket(ctx);
    const policy = everywhere(ctx, 'AWS::S3::BucketPolicy').find((p) => p.attrs.Bucket === b.physicalId);
    if (!policy) throw awsError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    return { Policy: JSON.stringify(policy.props.PolicyDocument) };
  },
  'S3.GetBucketReplication': (ctx) => {
    const config = bucket(ctx).props.ReplicationConfiguration;
    if (!config)
      throw awsError('ReplicationConfigurationNotFoundError', 'The replication configuration was not found', 404);
    return { ReplicationConfiguration: config };
  },
  'S3.GetBucketVersioning': (ctx) => ({
    Status: (bucket(ctx).props.VersioningConfiguration as Record<string, string> | undefined)?.Status,
  }),
  'S3.GetBucketLocation': (ctx) => ({
    LocationConstraint: bucket(ctx).region === 'us-east-1' ? undefined : bucket(ctx).region,
  }),

  'CloudFront.ListDistributions': (ctx) => {
    const all: DistributionSummary[] = everywhere(ctx, 'AWS::CloudFront::Distribution').map((r) => {
      const c = distributionConfig(r);
      return {
        Id: r.physicalId,
        ARN: String(r.attrs.Arn),
        ETag: `E${r.physicalId.slice(1, 14)}`,
        Status: 'Deployed',
        LastModifiedTime: iso(r),
        DomainName: String(r.attrs.DomainName),
        Aliases: c.Aliases!,
        Origins: c.Origins!,
        DefaultCacheBehavior: c.DefaultCacheBehavior!,
        CacheBehaviors: c.CacheBehaviors!,
        CustomErrorResponses: c.CustomErrorResponses!,
        Comment: c.Comment!,
        PriceClass: c.PriceClass!,
        Enabled: c.Enabled!,
        ViewerCertificate: c.ViewerCertificate!,
        Restrictions: c.Restrictions!,
        WebACLId: c.WebACLId!,
        HttpVersion: c.HttpVersion!,
        IsIPV6Enabled: c.IsIPV6Enabled!,
        Staging: false,
      };
    });
    const p = page(all, ctx.input, {
      sizeKey: 'MaxItems',
      tokenKey: 'Marker',
      outputTokenKey: 'NextMarker',
      maxSize: 100,
    });
    return {
      DistributionList: {
        Marker: String(ctx.input.Marker ?? ''),
        MaxItems: p.items.length,
        IsTruncated: Boolean(p.token.NextMarker),
        Quantity: p.items.length,
        Items: p.items,
        ...p.token,
      },
    };
  },
  'CloudFront.GetDistribution': (ctx) => {
    const d = distribution(ctx);
    return {
      ETag: `E${d.physicalId.slice(1, 14)}`,
      Distribution: {
        Id: d.physicalId,
        ARN: String(d.attrs.Arn),
        Status: 'Deployed',
        LastModifiedTime: iso(d),
        InProgressInvalidationBatches: 0,
        DomainName: String(d.attrs.DomainName),
        DistributionConfig: distributionConfig(d),
      },
    };
  },
  'CloudFront.GetDistributionConfig': (ctx) => {
    const d = distribution(ctx);
    return { ETag: `E${d.physicalId.slice(1, 14)}`, DistributionConfig: distributionConfig(d) };
  },
  'CloudFront.GetOriginAccessControl': (ctx) => {
    const o = everywhere(ctx, 'AWS::CloudFront::OriginAccessControl').find((r) => r.physicalId === ctx.input.Id);
    if (!o) throw awsError('NoSuchOriginAccessControl', 'The specified origin access control does not exist.', 404);
    return {
      ETag: `E${o.physicalId.slice(1, 14)}`,
      OriginAccessControl: {
        Id: o.physicalId,
        OriginAccessControlConfig: { Description: '', ...(o.props.OriginAccessControlConfig as object) },
      },
    };
  },
  'CloudFront.ListOriginAccessControls': (ctx) => {
    const list = everywhere(ctx, 'AWS::CloudFront::OriginAccessControl').map((o) => ({
      Id: o.physicalId,
      Description: '',
      ...(o.props.OriginAccessControlConfig as Record<string, string>),
    }));
    return {
      OriginAccessControlList: { Marker: '', MaxItems: 100, IsTruncated: false, Quantity: list.length, Items: list },
    };
  },

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
      t.props.BillingMode ?? (t.type === 'AWS::DynamoDB::GlobalTable' ? 'PAY_PER_REQUEST' : 'PROVISIONED'),
    );
    const throughput = (t.props.ProvisionedThroughput ?? {}) as Record<string, unknown>;
    return {
      Table: {
        TableName: t.physicalId,
        TableArn: String(t.attrs.Arn),
        TableId: String(t.attrs.TableId),
        TableStatus: 'ACTIVE',
        CreationDateTime: iso(t),
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

  'SQS.ListQueues': (ctx) => {
    const prefix = String(ctx.input.QueueNamePrefix ?? '');
    const urls = inRegion(ctx, 'AWS::SQS::Queue')
      .filter((q) => String(q.attrs.QueueName).startsWith(prefix))
      .map((q) => q.physicalId);
    const p = page(urls, ctx.input, { sizeKey: 'MaxResults', maxSize: 1000 });
    return { QueueUrls: p.items, ...p.token };
  },
  'SQS.GetQueueUrl': (ctx) => {
    const q = inRegion(ctx, 'AWS::SQS::Queue').find((r) => r.attrs.QueueName === ctx.input.QueueName);
    if (!q) throw awsError('QueueDoesNotExist', 'The specified queue does not exist.');
    return { QueueUrl: q.physicalId };
  },
  'SQS.GetQueueAttributes': (ctx) => {
    const q = queue(ctx);
    const p = q.props;
    const redrive =
      p.RedrivePolicy === undefined
        ? undefined
        : typeof p.RedrivePolicy === 'string'
          ? p.RedrivePolicy
          : JSON.stringify(p.RedrivePolicy);
    const all: Record<string, string | undefined> = {
      QueueArn: String(q.attrs.Arn),
      VisibilityTimeout: String(p.VisibilityTimeout ?? 30),
      MessageRetentionPeriod: String(p.MessageRetentionPeriod ?? 345600),
      DelaySeconds: String(p.DelaySeconds ?? 0),
      MaximumMessageSize: String(p.MaximumMessageSize ?? 262144),
      ReceiveMessageWaitTimeSeconds: String(p.ReceiveMessageWaitTimeSeconds ?? 0),
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      CreatedTimestamp: String(Math.floor(Date.parse(q.createdAt) / 1000)),
      LastModifiedTimestamp: String(Math.floor(Date.parse(q.createdAt) / 1000)),
      SqsManagedSseEnabled: String(p.SqsManagedSseEnabled ?? true),
      RedrivePolicy: redrive,
      FifoQueue: p.FifoQueue ? 'true' : undefined,
    };
    const wanted = (ctx.input.AttributeNames as string[] | undefined) ?? [];
    const pick = wanted.includes('All') ? Object.keys(all) : wanted;
    return { Attributes: Object.fromEntries(pick.filter((k) => all[k] !== undefined).map((k) => [k, all[k]!])) };
  },

  'SNS.ListTopics': (ctx) => ({ Topics: inRegion(ctx, 'AWS::SNS::Topic').map((t) => ({ TopicArn: t.physicalId })) }),
  'SNS.ListSubscriptionsByTopic': (ctx) => {
    const topic = inRegion(ctx, 'AWS::SNS::Topic').find((t) => t.physicalId === ctx.input.TopicArn);
    if (!topic) throw awsError('NotFound', 'Topic does not exist', 404);
    const inline = ((topic.props.Subscription as Record<string, string>[] | undefined) ?? []).map((s, i) => ({
      SubscriptionArn: `${topic.physicalId}:inline-${i}`,
      Protocol: s.Protocol,
      Endpoint: s.Endpoint,
    }));
    const separate = inRegion(ctx, 'AWS::SNS::Subscription')
      .filter((s) => s.props.TopicArn === topic.physicalId)
      .map((s) => ({
        SubscriptionArn: s.physicalId,
        Protocol: String(s.props.Protocol),
        Endpoint: String(s.props.Endpoint),
      }));
    const all = [...inline, ...separate].map((s) => ({ ...s, Owner: ctx.state.accountId, TopicArn: topic.physicalId }));
    const p = page(all, ctx.input, { sizeKey: '-', maxSize: 100 });
    return { Subscriptions: p.items, ...p.token };
  },

  'Lambda.GetFunction': (ctx) => {
    const f = inRegion(ctx, 'AWS::Lambda::Function').find(
      (r) => r.physicalId === ctx.input.FunctionName || r.attrs.Arn === ctx.input.FunctionName,
    );
    if (!f) throw awsError('ResourceNotFoundException', `Function not found: ${String(ctx.input.FunctionName)}`, 404);
    return {
      Configuration: {
        FunctionName: f.physicalId,
        FunctionArn: String(f.attrs.Arn),
        Runtime: f.props.Runtime,
        Role: f.props.Role,
        Handler: f.props.Handler,
        State: 'Active',
        MemorySize: Number(f.props.MemorySize ?? 128),
        Timeout: Number(f.props.Timeout ?? 3),
      },
      Tags: Object.fromEntries(f.tags.map((t) => [t.Key, t.Value])),
    };
  },
  'Lambda.ListFunctions': (ctx) => ({
    Functions: inRegion(ctx, 'AWS::Lambda::Function').map((f) => ({
      FunctionName: f.physicalId,
      FunctionArn: String(f.attrs.Arn),
      Runtime: f.props.Runtime,
      Role: f.props.Role,
      Handler: f.props.Handler,
    })),
  }),
  'ApiGatewayV2.GetApis': (ctx) => ({
    Items: inRegion(ctx, 'AWS::ApiGatewayV2::Api').map((a) => ({
      ApiId: a.physicalId,
      Name: String(a.props.Name),
      ProtocolType: String(a.props.ProtocolType ?? 'HTTP'),
      ApiEndpoint: String(a.attrs.ApiEndpoint),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: API Gateway's own selection-expression syntax.
      RouteSelectionExpression: '${request.method} ${request.path}',
      CreatedDate: iso(a),
      Tags: Object.fromEntries(Object.entries((a.props.Tags as Record<string, string> | undefined) ?? {})),
    })),
  }),
};

export { tagList };
