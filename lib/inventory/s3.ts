import {
  GetBucketPolicyCommand,
  GetPublicAccessBlockCommand,
  type PublicAccessBlockConfiguration,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import type { AwsClients } from '@/lib/aws/clients';
import { roleFirst } from './lab-resources';
import { collect, type Memo } from './memo';
import { loadLabTagged, mappingTag } from './tagging';

/** What a bucket says about who may read it: its public access block and its bucket policy. */
export interface BucketAccess {
  bucket: string;
  exists: boolean;
  /** Undefined when the bucket has no public access block of its own. */
  publicAccessBlock: PublicAccessBlockConfiguration | undefined;
  /** The bucket policy document, parsed; undefined when there is none. */
  policy: PolicyDocument | undefined;
}

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: string | Record<string, string | string[]>;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

const missing = (err: unknown, ...names: string[]) => names.includes((err as Error).name);

/**
 * Buckets whose name starts with the lab stack's name (CloudFormation names an unnamed bucket
 * `<stack>-<logical id>-<suffix>`): the fallback when the stack has no `StaticBucket` output.
 */
export function loadLabBuckets(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  const prefix = stackName.toLowerCase();
  return memo.get('s3.labBuckets', async () => {
    const buckets = await collect(paginateListBuckets({ client: clients.s3 }, { Prefix: prefix }), (p) => p.Buckets);
    return buckets.flatMap((b) => (b.Name?.startsWith(prefix) ? [b.Name] : []));
  });
}

/** Buckets tagged `scalelab:lab=<stack>` (made by hand on the console path), the `static-bucket` role first. */
export async function loadTaggedBuckets(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  const mappings = roleFirst(
    await loadLabTagged(clients, memo, stackName, 's3'),
    (m) => mappingTag(m, 'scalelab:role'),
    'static-bucket',
  );
  return mappings.flatMap((m) => {
    const name = /^arn:[^:]+:s3:::([^/]+)$/.exec(m.ResourceARN ?? '')?.[1];
    return name ? [name] : [];
  });
}

/** A bucket's public access block and policy, read once per run. */
export function loadBucketAccess(clients: AwsClients, memo: Memo, bucket: string): Promise<BucketAccess> {
  return memo.get(`s3.access:${bucket}`, async () => {
    const [block, policy] = await Promise.all([
      clients.s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket })).then(
        (o) => ({ exists: true, value: o.PublicAccessBlockConfiguration }),
        (err) => {
          if (missing(err, 'NoSuchPublicAccessBlockConfiguration')) return { exists: true, value: undefined };
          if (missing(err, 'NoSuchBucket')) return { exists: false, value: undefined };
          throw err;
        },
      ),
      clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket })).then(
        (o) => (o.Policy ? (JSON.parse(o.Policy) as PolicyDocument) : undefined),
        (err) => {
          if (missing(err, 'NoSuchBucketPolicy', 'NoSuchBucket')) return undefined;
          throw err;
        },
      ),
    ]);
    return { bucket, exists: block.exists, publicAccessBlock: block.value, policy };
  });
}

const BLOCK_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/** The public access block flags that are not on (all four must be for "blocks all public access"). */
export function publicAccessGaps(config: PublicAccessBlockConfiguration | undefined): string[] {
  return BLOCK_FLAGS.filter((flag) => config?.[flag] !== true);
}

/** An Allow statement that lets someone read objects: who, and which source ARNs its condition pins. */
export interface ReadGrant {
  sid: string | undefined;
  principal: string;
  sourceArns: string[];
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const READ_ACTIONS = /^(\*|s3:\*|s3:Get\*|s3:GetObject\*?)$/i;

function principalOf(s: PolicyStatement): string {
  if (s.NotPrincipal !== undefined) return '*';
  if (typeof s.Principal === 'string') return s.Principal;
  return Object.values(s.Principal ?? {})
    .flatMap((v) => list(v))
    .join(', ');
}

function sourceArnsOf(s: PolicyStatement): string[] {
  return Object.values(s.Condition ?? {}).flatMap((byKey) =>
    Object.entries(byKey).flatMap(([key, value]) => (key.toLowerCase() === 'aws:sourcearn' ? list(value) : [])),
  );
}

/** Every statement of a bucket policy that allows reading objects (NotAction counts: it may include GetObject). */
export function readGrants(policy: PolicyDocument | undefined): ReadGrant[] {
  return list(policy?.Statement)
    .filter(
      (s) => s.Effect === 'Allow' && (s.NotAction !== undefined || list(s.Action).some((a) => READ_ACTIONS.test(a))),
    )
    .map((s) => ({ sid: s.Sid, principal: principalOf(s), sourceArns: sourceArnsOf(s) }));
}

/** Does this grant let exactly CloudFront, on behalf of the given distributions only, read the bucket? */
export function grantIsCloudFrontOnly(grant: ReadGrant, distributionArns: string[]): boolean {
  return (
    grant.principal === 'cloudfront.amazonaws.com' &&
    grant.sourceArns.length > 0 &&
    grant.sourceArns.every((arn) => distributionArns.includes(arn))
  );
}

/** Does this grant let CloudFront read on behalf of this distribution (whatever else it allows)? */
export function grantCoversDistribution(grant: ReadGrant, distributionArn: string): boolean {
  return grant.principal === 'cloudfront.amazonaws.com' && grant.sourceArns.includes(distributionArn);
}
