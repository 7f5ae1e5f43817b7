/** S3 and CloudFront: buckets (public access, policy, replication) and distributions with their origin access. */
import type { DistributionConfig, DistributionSummary } from '@aws-sdk/client-cloudfront';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';
import { everywhere } from './common';

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

const iso = (r: ResourceRecord) => new Date(r.createdAt);

export const storageCdnHandlers: Handlers = {
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
};
