import { describe, expect, it } from 'vitest';
import { bucketOfOrigin, viewerPolicies } from '@/lib/inventory/cloudfront';
import { grantIsCloudFrontOnly, publicAccessGaps, readGrants } from '@/lib/inventory/s3';
import { fixtureInventory, labStack } from '../support/aws-fixtures';
import { BUCKET, cloudFrontOnlyPolicy, DIST_ARN, distribution, distributions, s3Origin, stage03 } from './lab-fixtures';

describe('bucketOfOrigin', () => {
  it.each([
    ['my-bucket.s3.amazonaws.com', 'my-bucket'],
    ['my-bucket.s3.us-east-1.amazonaws.com', 'my-bucket'],
    ['my.dotted.bucket.s3.ap-northeast-2.amazonaws.com', 'my.dotted.bucket'],
    ['my-bucket.s3-us-west-2.amazonaws.com', 'my-bucket'],
    ['my-bucket.s3.dualstack.eu-west-1.amazonaws.com', 'my-bucket'],
    ['my-bucket.s3-website-us-east-1.amazonaws.com', undefined],
    ['my-bucket.s3-website.eu-west-1.amazonaws.com', undefined],
    ['lab-alb-1.us-east-1.elb.amazonaws.com', undefined],
    [undefined, undefined],
  ])('%s → %s', (domain, bucket) => {
    expect(bucketOfOrigin(domain)).toBe(bucket);
  });
});

describe('bucket policy grants', () => {
  it('lists Allow statements that can read objects, with their principal and SourceArn', () => {
    const grants = readGrants(JSON.parse(cloudFrontOnlyPolicy()));
    expect(grants).toEqual([
      { sid: 'AllowCloudFrontServicePrincipalReadOnly', principal: 'cloudfront.amazonaws.com', sourceArns: [DIST_ARN] },
    ]);
    expect(grantIsCloudFrontOnly(grants[0]!, [DIST_ARN])).toBe(true);
  });
  it.each([
    ['s3:*', { Effect: 'Allow', Principal: '*', Action: 's3:*' }, '*'],
    [
      's3:Get*',
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root'] }, Action: ['s3:Get*'] },
      'arn:aws:iam::111122223333:root',
    ],
    ['NotAction', { Effect: 'Allow', Principal: { AWS: '*' }, NotAction: 's3:DeleteObject' }, '*'],
    ['NotPrincipal', { Effect: 'Allow', NotPrincipal: { AWS: 'x' }, Action: 's3:GetObject' }, '*'],
  ])('treats %s as a read grant', (_name, statement, principal) => {
    expect(readGrants({ Statement: [statement] })).toEqual([{ sid: undefined, principal, sourceArns: [] }]);
  });
  it('ignores Deny statements and write-only grants', () => {
    expect(
      readGrants({
        Statement: [
          { Effect: 'Deny', Principal: '*', Action: 's3:GetObject' },
          { Effect: 'Allow', Principal: '*', Action: 's3:PutObject' },
        ],
      }),
    ).toEqual([]);
  });
  it('reads the SourceArn condition under any operator and key case', () => {
    const [grant] = readGrants({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Action: 's3:GetObject',
          Condition: { ArnLike: { 'aws:sourcearn': DIST_ARN } },
        },
      ],
    });
    expect(grant?.sourceArns).toEqual([DIST_ARN]);
  });
  it('names the public access block flags that are off', () => {
    expect(publicAccessGaps(undefined)).toHaveLength(4);
    expect(
      publicAccessGaps({
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: false,
        RestrictPublicBuckets: true,
      }),
    ).toEqual(['BlockPublicPolicy']);
  });
});

describe('viewerPolicies', () => {
  it('lists the default behaviour and every path pattern', () => {
    const d = distribution({
      CacheBehaviors: {
        Quantity: 1,
        Items: [{ PathPattern: '/img/*', TargetOriginId: 'static', ViewerProtocolPolicy: 'https-only' }],
      },
    });
    expect(viewerPolicies(d)).toEqual([
      { path: 'default (*)', policy: 'redirect-to-https' },
      { path: '/img/*', policy: 'https-only' },
    ]);
  });
});

describe('Inventory.staticContent', () => {
  it('relates the bucket to the distribution serving it, its OAC and its policy', async () => {
    const { inventory } = fixtureInventory(stage03());
    const content = await inventory.staticContent();
    expect(content?.bucket).toBe(BUCKET);
    expect(content?.served.map((s) => [s.distribution.Id, s.origin.Id, s.oacId])).toEqual([
      ['E1LABSTATIC', 'static', 'E2OACSTATIC'],
    ]);
    expect(content?.strayGrants).toEqual([]);
  });
  it('calls a grant stray when the distribution it names reads the bucket without an OAC', async () => {
    const noOac = distribution({ Origins: { Quantity: 1, Items: [s3Origin({ OriginAccessControlId: '' })] } });
    const { inventory } = fixtureInventory(stage03({ 'CloudFront.ListDistributions': distributions(noOac) }));
    expect((await inventory.staticContent())?.strayGrants.map((g) => g.sid)).toEqual([
      'AllowCloudFrontServicePrincipalReadOnly',
    ]);
  });
  it('is undefined without a static bucket', async () => {
    const { inventory } = fixtureInventory({
      ...stage03(),
      'CloudFormation.DescribeStacks': labStack(),
      'S3.ListBuckets': { Buckets: [{ Name: 'unrelated-bucket' }] },
    });
    expect(await inventory.staticContent()).toBeUndefined();
  });
});
