/**
 * S3 objects, as far as the platform uses them: PutObject / HeadObject / GetObject on the account's own buckets, so a
 * template over 51,200 bytes can be staged and read back through TemplateURL (cloudformation/template-url.ts).
 *
 * A bucket is one a stack made (AWS::S3::Bucket), or the account's built-in staging bucket
 * `scalelab-staging-<account>-<region>` (the sandbox's counterpart of the bucket learner-access.yaml creates). A
 * bucket's lifecycle expiration rules (`ExpirationInDays` with a prefix) are applied in simulated time; the built-in
 * bucket expires `templates/` after 1 day, as learner-access.yaml's does. Objects are not versioned.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parseStagingBucketName, STAGING_PREFIX } from '@/lib/aws/staging-bucket';
import { otherAccounts } from '../accounts';
import type { CallContext, Handlers } from '../context';
import { awsError } from '../errors';
import { isRegion } from '../regions';
import { type ObjectRecord, resourcesOf, type SandboxState } from '../state';

const BUCKET = 'AWS::S3::Bucket';
const DAY_MS = 86_400_000;

interface Expiration {
  prefix: string;
  days: number;
}

export interface BucketView {
  name: string;
  region: string;
  /** Another account of the partition owns it: S3 answers this account with 403 AccessDenied. */
  foreign: boolean;
  expirations: Expiration[];
}

/** The bucket a name stands for, as this account sees it (undefined: S3's NoSuchBucket). */
export function bucketView(state: SandboxState, name: string): BucketView | undefined {
  const own = resourcesOf(state, BUCKET).find((b) => b.physicalId === name);
  if (own) return { name, region: own.region, foreign: false, expirations: expirationsOf(own.props) };
  if (otherAccounts(state.accountId).some((s) => resourcesOf(s, BUCKET).some((b) => b.physicalId === name)))
    return { name, region: '', foreign: true, expirations: [] };
  const staging = parseStagingBucketName(name);
  if (staging && staging.accountId === state.accountId && isRegion(staging.region))
    return { name, region: staging.region, foreign: false, expirations: [{ prefix: STAGING_PREFIX, days: 1 }] };
  return undefined;
}

/** AWS::S3::Bucket LifecycleConfiguration: the enabled rules that expire current objects after some days. */
function expirationsOf(props: Record<string, unknown>): Expiration[] {
  const rules = (props.LifecycleConfiguration as { Rules?: Record<string, unknown>[] } | undefined)?.Rules ?? [];
  return rules
    .filter((r) => r.Status !== 'Disabled' && r.ExpirationInDays !== undefined)
    .map((r) => ({
      prefix: String(r.Prefix ?? (r.Filter as { Prefix?: string } | undefined)?.Prefix ?? ''),
      days: Number(r.ExpirationInDays),
    }));
}

/** The live object at a key (an object past its bucket's expiration is gone, as S3 Lifecycle removes it). */
export function storedObject(state: SandboxState, bucket: BucketView, key: string, now: number) {
  const objects = state.objects?.[bucket.name];
  const found = objects?.[key];
  if (!objects || !found) return undefined;
  const rule = bucket.expirations.find((e) => key.startsWith(e.prefix));
  if (rule && Date.parse(found.lastModified) + rule.days * DAY_MS <= now) {
    delete objects[key];
    return undefined;
  }
  return found;
}

/** The bytes of a PutObject Body the platform sends (a string or bytes; streams are not simulated). */
function bodyBytes(body: unknown): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw awsError(
    'NotImplemented',
    'The ScaleLab sandbox accepts a PutObject Body given as a string or bytes, not a stream.',
    501,
  );
}

/** What GetObject returns as Body: a stream with the SDK's `transformTo*` helpers (its sdkStreamMixin). */
function streamOf(bytes: Buffer) {
  return Object.assign(Readable.from([bytes]), {
    transformToString: async (encoding: BufferEncoding = 'utf8') => bytes.toString(encoding),
    transformToByteArray: async () => new Uint8Array(bytes),
    transformToWebStream: () => Readable.toWeb(Readable.from([bytes])),
  });
}

/** The bucket of a call, refused as S3 refuses it: missing, another account's, or in another Region. */
function callBucket(ctx: CallContext, head: boolean): BucketView {
  const name = String(ctx.input.Bucket ?? '');
  const bucket = bucketView(ctx.state, name);
  // HEAD responses have no body: the SDK names them by status only (NotFound, Forbidden).
  if (!bucket) throw head ? awsError('NotFound', 'Not Found', 404) : noSuchBucket(name);
  const owner = ctx.input.ExpectedBucketOwner;
  if (bucket.foreign || (owner !== undefined && owner !== ctx.state.accountId))
    throw head ? awsError('Forbidden', 'Forbidden', 403) : awsError('AccessDenied', 'Access Denied', 403);
  if (bucket.region !== ctx.region)
    throw awsError(
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      301,
    );
  return bucket;
}

const noSuchBucket = (name: string) =>
  Object.assign(awsError('NoSuchBucket', 'The specified bucket does not exist', 404), { BucketName: name });

const keyOf = (ctx: CallContext) => String(ctx.input.Key ?? '');

function described(o: ObjectRecord) {
  return {
    ETag: o.etag,
    ContentLength: o.size,
    ContentType: o.contentType,
    LastModified: new Date(o.lastModified),
    ...(o.checksumSHA256 ? { ChecksumSHA256: o.checksumSHA256 } : {}),
  };
}

export const s3ObjectHandlers: Handlers = {
  'S3.PutObject': async (ctx) => {
    const bucket = callBucket(ctx, false);
    const bytes = bodyBytes(ctx.input.Body);
    const sha256 = createHash('sha256').update(bytes).digest('base64');
    const given = ctx.input.ChecksumSHA256;
    if (given !== undefined && given !== sha256)
      throw awsError('BadDigest', 'The SHA256 you specified did not match the calculated checksum.', 400);
    const record: ObjectRecord = {
      data: bytes.toString('base64'),
      size: bytes.length,
      etag: `"${createHash('md5').update(bytes).digest('hex')}"`,
      contentType: typeof ctx.input.ContentType === 'string' ? ctx.input.ContentType : 'binary/octet-stream',
      lastModified: new Date(ctx.now()).toISOString(),
      ...(given ? { checksumSHA256: sha256 } : {}),
    };
    ctx.state.objects ??= {};
    ctx.state.objects[bucket.name] ??= {};
    ctx.state.objects[bucket.name]![keyOf(ctx)] = record;
    await ctx.changed();
    return { ETag: record.etag, ...(given ? { ChecksumSHA256: sha256 } : {}) };
  },

  'S3.HeadObject': (ctx) => {
    const found = storedObject(ctx.state, callBucket(ctx, true), keyOf(ctx), ctx.now());
    if (!found) throw awsError('NotFound', 'Not Found', 404);
    return described(found);
  },

  'S3.GetObject': (ctx) => {
    const found = storedObject(ctx.state, callBucket(ctx, false), keyOf(ctx), ctx.now());
    if (!found)
      throw Object.assign(awsError('NoSuchKey', 'The specified key does not exist.', 404), { Key: keyOf(ctx) });
    return { ...described(found), Body: streamOf(Buffer.from(found.data, 'base64')) };
  },
};
