import { type DistributionSummary, type Origin, paginateListDistributions } from '@aws-sdk/client-cloudfront';
import type { AwsClients } from '@/lib/aws/clients';
import type { Inventory } from './inventory';
import { collect, type Memo } from './memo';
import { type BucketAccess, grantIsCloudFrontOnly, type ReadGrant, readGrants } from './s3';

/** Every distribution of the account (CloudFront is global): one paginated ListDistributions per run. */
export function loadDistributions(clients: AwsClients, memo: Memo): Promise<DistributionSummary[]> {
  return memo.get('cloudfront.distributions', () =>
    collect(paginateListDistributions({ client: clients.cloudfront }, {}), (p) => p.DistributionList?.Items),
  );
}

/**
 * The bucket an S3 REST origin points at: `bucket.s3.amazonaws.com`, `bucket.s3.<region>.amazonaws.com`,
 * `bucket.s3-<region>.amazonaws.com`, `bucket.s3.dualstack.<region>.amazonaws.com`. Website endpoints
 * (`s3-website`) are custom origins that cannot use an OAC, so they do not count.
 */
export function bucketOfOrigin(domainName: string | undefined): string | undefined {
  const m = domainName?.match(/^(.+?)\.s3(?:[.-](?!website)[a-z0-9-]+)*\.amazonaws\.com(?:\.cn)?$/);
  return m?.[1];
}

export const originsOf = (d: DistributionSummary): Origin[] => d.Origins?.Items ?? [];

/** Every viewer protocol policy of a distribution: the default behaviour and each path pattern. */
export function viewerPolicies(d: DistributionSummary): { path: string; policy: string }[] {
  return [
    { path: 'default (*)', policy: d.DefaultCacheBehavior?.ViewerProtocolPolicy ?? 'unknown' },
    ...(d.CacheBehaviors?.Items ?? []).map((b) => ({
      path: b.PathPattern ?? '?',
      policy: b.ViewerProtocolPolicy ?? 'unknown',
    })),
  ];
}

/** A distribution that serves the static bucket, the origin it reads it through, and that origin's OAC. */
export interface StaticOrigin {
  distribution: DistributionSummary;
  origin: Origin;
  oacId: string | undefined;
}

/** The static bucket, who may read it, and the distributions in front of it. */
export interface StaticContent {
  bucket: string;
  access: BucketAccess;
  served: StaticOrigin[];
  grants: ReadGrant[];
  /** Read grants that are not "CloudFront, for a distribution that serves this bucket through an OAC". */
  strayGrants: ReadGrant[];
}

/** Relate the static bucket to the distributions serving it and to its bucket policy. */
export async function traceStaticContent(inv: Inventory): Promise<StaticContent | undefined> {
  const bucket = await inv.staticBucket();
  if (!bucket) return undefined;
  const [access, distributions] = await Promise.all([inv.bucketAccess(bucket), inv.distributions()]);
  const served = distributions.flatMap((distribution) =>
    originsOf(distribution)
      .filter((o) => bucketOfOrigin(o.DomainName) === bucket)
      .map((origin) => ({ distribution, origin, oacId: origin.OriginAccessControlId || undefined })),
  );
  const throughOac = served.flatMap((s) => (s.oacId && s.distribution.ARN ? [s.distribution.ARN] : []));
  const grants = readGrants(access.policy);
  return {
    bucket,
    access,
    served,
    grants,
    strayGrants: grants.filter((g) => !grantIsCloudFrontOnly(g, throughOac)),
  };
}

/**
 * The lab's distributions: the ones serving the static bucket, the one the stack's `DistributionDomain` output names,
 * and any with the lab ALB as an origin.
 */
export async function traceLabDistributions(inv: Inventory): Promise<DistributionSummary[]> {
  const [all, content, domain, alb] = await Promise.all([
    inv.distributions(),
    inv.staticContent(),
    inv.stackOutput('DistributionDomain'),
    inv.labAlb(),
  ]);
  const serving = new Set(content?.served.map((s) => s.distribution.Id) ?? []);
  return all.filter(
    (d) =>
      serving.has(d.Id) ||
      (domain !== undefined && d.DomainName === domain) ||
      (alb?.DNSName !== undefined && originsOf(d).some((o) => o.DomainName === alb.DNSName)),
  );
}
