import { cfnSuffix, generatedName } from '../ids';
import { fail, type Models, need, obj, str } from './model';

const BUCKET = 'AWS::S3::Bucket';
const OAC = 'AWS::CloudFront::OriginAccessControl';

const cloudFrontId = () => `E${cfnSuffix(13)}`;

export const storageModels: Models = {
  [BUCKET]: {
    seconds: 20,
    make(ctx) {
      const given = str(ctx.props, 'BucketName');
      const name = given ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 63, true);
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes('..'))
        fail(`Bucket name should not contain invalid characters: ${name}`, 'InvalidBucketName');
      // A name no other bucket has, replication with versioning at both ends: lib/sandbox/rules/s3.ts.
      const r = ctx.region;
      return {
        physicalId: name,
        attrs: {
          Arn: `arn:aws:s3:::${name}`,
          DomainName: `${name}.s3.amazonaws.com`,
          RegionalDomainName: `${name}.s3.${r}.amazonaws.com`,
          DualStackDomainName: `${name}.s3.dualstack.${r}.amazonaws.com`,
          WebsiteURL: `http://${name}.s3-website-${r}.amazonaws.com`,
        },
      };
    },
  },

  'AWS::S3::BucketPolicy': {
    seconds: 2,
    make(ctx) {
      const bucket = need(ctx, BUCKET, ctx.props.Bucket, (b) => [
        `The specified bucket does not exist: ${b}`,
        'NoSuchBucket',
      ]);
      if (!ctx.props.PolicyDocument || typeof ctx.props.PolicyDocument !== 'object')
        fail("Policies must be valid JSON and the first byte must be '{'", 'MalformedPolicy');
      return { physicalId: ctx.existing?.physicalId ?? bucket.physicalId, attrs: { Bucket: bucket.physicalId } };
    },
  },

  [OAC]: {
    seconds: 2,
    make(ctx) {
      const config = obj(ctx.props, 'OriginAccessControlConfig');
      if (!config.Name) fail('Name is required.', 'InvalidArgument');
      if (!['s3', 'mediastore', 'lambda', 'mediapackagev2'].includes(String(config.OriginAccessControlOriginType)))
        fail('OriginAccessControlOriginType must be s3, mediastore, lambda or mediapackagev2.', 'InvalidArgument');
      const id = ctx.existing?.physicalId ?? cloudFrontId();
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::CloudFront::Distribution': {
    seconds: 300,
    make(ctx) {
      const config = obj(ctx.props, 'DistributionConfig');
      const origins = (config.Origins as Record<string, unknown>[] | undefined) ?? [];
      if (!origins.length) fail('The parameter Origins must contain at least one origin.', 'InvalidArgument');
      const ids = new Set(origins.map((o) => String(o.Id)));
      const behavior = obj(config, 'DefaultCacheBehavior');
      if (!ids.has(String(behavior.TargetOriginId)))
        fail('The parameter TargetOriginId specifies an origin that does not exist.', 'NoSuchOrigin');
      for (const o of origins) {
        if (o.OriginAccessControlId)
          need(ctx, OAC, o.OriginAccessControlId, (id) => [
            `The specified origin access control does not exist: ${id}`,
            'NoSuchOriginAccessControl',
          ]);
        if (!o.S3OriginConfig && !o.CustomOriginConfig && !String(o.DomainName).includes('.s3.'))
          fail('Each origin needs S3OriginConfig or CustomOriginConfig.', 'InvalidOrigin');
      }
      if (config.Enabled === undefined) fail('The parameter Enabled is required.', 'InvalidArgument');
      const id = ctx.existing?.physicalId ?? cloudFrontId();
      const domain = (ctx.existing?.attrs.DomainName as string) ?? `d${cfnSuffix(13).toLowerCase()}.cloudfront.net`;
      return {
        physicalId: id,
        attrs: { Id: id, DomainName: domain, Arn: `arn:aws:cloudfront::${ctx.accountId}:distribution/${id}` },
      };
    },
  },
};
