/**
 * The staging bucket: where a template over CloudFormation's 51,200-byte TemplateBody limit is put before it is
 * launched through TemplateURL. One per account and region, named like the CDK bootstrap's assets bucket
 * (`cdk-<qualifier>-assets-<account>-<region>`) so the platform finds it without reading any stack:
 * templates/access/learner-access.yaml creates it in a workshop account (output `StagingBucketName`), the sandbox
 * has it built in, and a local-profile account gets it on first need (lib/stacks/staging-bucket.ts).
 */

export const STAGING_PREFIX = 'templates/';

export function stagingBucketName(accountId: string, region: string): string {
  return `scalelab-staging-${accountId}-${region}`;
}

/** The account and region a staging bucket's name stands for, or undefined for any other name. */
export function parseStagingBucketName(name: string): { accountId: string; region: string } | undefined {
  const m = /^scalelab-staging-(\d{12})-([a-z]{2}(?:-[a-z]+)+-\d)$/.exec(name);
  return m ? { accountId: m[1]!, region: m[2]! } : undefined;
}

/** `templates/<stack>/<sha256>.yaml`: the same content always has the same key, so a PutObject is never repeated. */
export function stagedTemplateKey(stackName: string, sha256Hex: string): string {
  return `${STAGING_PREFIX}${stackName}/${sha256Hex}.yaml`;
}

/** The regional virtual-hosted-style URL (Amazon S3 User Guide, "Virtual-hosted-style requests"). */
export function s3ObjectUrl(bucket: string, region: string, key: string): string {
  return `https://${bucket}.s3.${region}.amazonaws.com/${key.split('/').map(encodeURIComponent).join('/')}`;
}
