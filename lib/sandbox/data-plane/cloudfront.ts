import type { CacheBehavior, DistributionSummary, Origin } from '@aws-sdk/client-cloudfront';
import { conditionsHold, globMatch, type RequestContext } from '@/lib/iam/conditions';
import { policyDocument, type Statement, statementsOf } from '@/lib/iam/evaluate';
import { bucketOfOrigin } from '@/lib/inventory/cloudfront';
import { answered, type Hop, type HttpAnswer, hop, type Outcome, type Request } from './trace';
import type { NetworkView, StaticBucket } from './view';

/** Who asks S3 for an object: CloudFront signing for a distribution through its OAC, or anyone (a direct URL). */
type S3Caller = { kind: 'cloudfront'; distributionArn: string } | { kind: 'anonymous' };

const s3Error = (status: 403 | 404, code: string, message: string): HttpAnswer => ({
  status,
  headers: { server: 'AmazonS3', 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

function principalMatches(st: Statement & { Principal?: unknown; NotPrincipal?: unknown }, caller: S3Caller): boolean {
  const p = st.Principal;
  if (p === '*') return true;
  if (!p || typeof p !== 'object') return false;
  const values = (k: string) => [(p as Record<string, unknown>)[k] ?? []].flat().map(String);
  if (values('AWS').includes('*')) return true;
  return caller.kind === 'cloudfront' && values('Service').includes('cloudfront.amazonaws.com');
}

/**
 * The bucket policy's decision on one GetObject (Amazon S3 User Guide › How Amazon S3 authorizes a request for an
 * object operation): an explicit Deny wins, then an Allow for the caller; a public Allow (Principal "*") grants
 * nothing while Block Public Access restricts public bucket policies. CloudFront's OAC signs as the service principal
 * with aws:SourceArn = the distribution's ARN, over HTTPS.
 */
function policyDecision(bucket: StaticBucket, action: string, resource: string, caller: S3Caller, secure: boolean) {
  let statements: Statement[] = [];
  try {
    statements = bucket.policy ? statementsOf(policyDocument(bucket.policy)) : [];
  } catch {
    statements = [];
  }
  const context: RequestContext = {
    'aws:SecureTransport': secure,
    ...(caller.kind === 'cloudfront'
      ? { 'aws:SourceArn': caller.distributionArn, 'aws:SourceAccount': caller.distributionArn.split(':')[4] }
      : {}),
  };
  const applies = (st: Statement) => {
    const actions = [st.Action ?? []].flat();
    const resources = [st.Resource ?? []].flat();
    if (!actions.some((a) => globMatch(a, action, true)) || !resources.some((r) => globMatch(r, resource)))
      return false;
    if (!principalMatches(st, caller)) return false;
    try {
      return conditionsHold(st.Condition, context);
    } catch {
      return false; // a condition the sandbox does not model is not met
    }
  };
  const matching = statements.filter(applies);
  if (matching.some((s) => s.Effect === 'Deny')) return 'deny';
  const allows = matching.filter((s) => s.Effect === 'Allow');
  const publicOnly = allows.every((s) => principalMatches(s, { kind: 'anonymous' }));
  if (allows.length && publicOnly && bucket.restrictsPublicPolicy) return 'blocked';
  return allows.length ? 'allow' : 'implicit';
}

/** One GetObject reaching S3, decided by the bucket policy; a missing key is 403 unless s3:ListBucket is granted. */
export function getFromBucket(
  bucket: StaticBucket,
  key: string,
  caller: S3Caller,
  secure: boolean,
  hops: Hop[],
): Outcome {
  const arn = `arn:aws:s3:::${bucket.name}`;
  const who = caller.kind === 'cloudfront' ? `CloudFront (${caller.distributionArn})` : 'an anonymous request';
  const whoKo = caller.kind === 'cloudfront' ? `CloudFront(${caller.distributionArn})` : '익명 요청';
  const decision = policyDecision(bucket, 's3:GetObject', `${arn}/${key}`, caller, secure);
  if (decision !== 'allow') {
    const why =
      decision === 'deny'
        ? { en: 'a Deny statement of its bucket policy matches', ko: '버킷 정책의 Deny 문이 일치합니다' }
        : decision === 'blocked'
          ? {
              en: 'only a public grant would allow it, and Block Public Access restricts public bucket policies',
              ko: '공개 허용만 있는데 퍼블릭 액세스 차단이 공개 버킷 정책을 제한합니다',
            }
          : {
              en: 'no statement of its bucket policy grants it s3:GetObject',
              ko: '버킷 정책에 s3:GetObject를 허용하는 문이 없습니다',
            };
    return answered(
      hops,
      hop(
        'bucket',
        bucket.name,
        false,
        `${bucket.name} refuses ${who}: ${why.en} (403 AccessDenied).`,
        `${bucket.name}가 ${whoKo}을(를) 거부합니다. ${why.ko} (403 AccessDenied).`,
      ),
      s3Error(403, 'AccessDenied', 'Access Denied'),
    );
  }
  const object = bucket.object(key);
  if (!object) {
    const listable = policyDecision(bucket, 's3:ListBucket', arn, caller, secure) === 'allow';
    return answered(
      hops,
      hop(
        'bucket',
        bucket.name,
        false,
        `${bucket.name} has no object ${key}.`,
        `${bucket.name}에 객체 ${key}가 없습니다.`,
      ),
      listable
        ? s3Error(404, 'NoSuchKey', 'The specified key does not exist.')
        : s3Error(403, 'AccessDenied', 'Access Denied'),
    );
  }
  return answered(
    hops,
    hop(
      'bucket',
      bucket.name,
      true,
      `${bucket.name} serves ${key} to ${who}.`,
      `${bucket.name}가 ${whoKo}에게 ${key}를 제공합니다.`,
    ),
    { status: 200, headers: { server: 'AmazonS3', 'content-type': object.contentType }, body: object.body },
  );
}

/** `bucket.s3.amazonaws.com/key`, `bucket.s3.<region>.amazonaws.com/key` or path style `s3.<region>.amazonaws.com/bucket/key`. */
export function s3Target(request: Request): { bucket: string; key: string } | undefined {
  const path = decodeURIComponent(request.path.split('?')[0] ?? '/').replace(/^\//, '');
  const virtual = bucketOfOrigin(request.host);
  if (virtual) return { bucket: virtual, key: path };
  if (/^s3(?:[.-][a-z0-9-]+)*\.amazonaws\.com$/.test(request.host)) {
    const [bucket = '', ...rest] = path.split('/');
    return bucket ? { bucket, key: rest.join('/') } : undefined;
  }
  return undefined;
}

const behaviorFor = (
  d: DistributionSummary,
  path: string,
): CacheBehavior | DistributionSummary['DefaultCacheBehavior'] =>
  (d.CacheBehaviors?.Items ?? []).find((b) => globMatch(b.PathPattern ?? '', path)) ?? d.DefaultCacheBehavior;

/** What a custom origin (an ALB, an API) answers: the data plane routes the request on to it. */
export type OriginFetch = (request: Request) => Outcome | undefined;

/**
 * A request to a CloudFront domain: the distribution enabled, the cache behaviour its path matches (the viewer
 * protocol policy: redirect-to-https answers 301 to a plain HTTP request, https-only 403), then its origin — an S3
 * bucket read through the distribution's OAC (the bucket policy must grant this distribution's ARN), or a custom
 * origin such as the lab's ALB, reached as the internet reaches it.
 */
export function toDistribution(
  view: NetworkView,
  d: NetworkView['distributions'][number],
  request: Request,
  toOrigin: OriginFetch,
): Outcome {
  const id = d.Id ?? request.host;
  const cf = (ok: boolean, en: string, ko: string) => hop('distribution', id, ok, en, ko);
  const headers = { server: 'CloudFront', 'x-cache': 'Error from cloudfront' };
  if (d.Enabled === false)
    return answered([], cf(false, `The distribution ${id} is disabled.`, `배포 ${id}가 비활성화되어 있습니다.`), {
      status: 403,
      headers,
      body: 'The request could not be satisfied.',
    });
  const path = request.path.split('?')[0] ?? '/';
  const behavior = behaviorFor(d, path);
  const policy = behavior?.ViewerProtocolPolicy ?? 'allow-all';
  if (request.scheme === 'http' && policy === 'redirect-to-https')
    return answered(
      [],
      cf(
        true,
        `${id} redirects plain HTTP to HTTPS (ViewerProtocolPolicy redirect-to-https).`,
        `${id}가 HTTP를 HTTPS로 리디렉션합니다 (ViewerProtocolPolicy redirect-to-https).`,
      ),
      { status: 301, headers: { server: 'CloudFront', location: `https://${request.host}${request.path}` }, body: '' },
    );
  if (request.scheme === 'http' && policy === 'https-only')
    return answered(
      [],
      cf(
        false,
        `${id} accepts HTTPS only (ViewerProtocolPolicy https-only).`,
        `${id}는 HTTPS만 받습니다 (ViewerProtocolPolicy https-only).`,
      ),
      { status: 403, headers, body: 'The request could not be satisfied.' },
    );
  const origin: Origin | undefined = d.Origins?.Items?.find((o) => o.Id === behavior?.TargetOriginId);
  const hops = [
    cf(
      true,
      `${id} sends ${path} to its origin ${origin?.DomainName ?? '?'}.`,
      `${id}가 ${path}를 오리진 ${origin?.DomainName ?? '?'}로 보냅니다.`,
    ),
  ];
  const bucketName = bucketOfOrigin(origin?.DomainName);
  if (bucketName) {
    const bucket = view.bucket(bucketName);
    if (!bucket)
      return answered(
        hops,
        hop(
          'bucket',
          bucketName,
          false,
          `The origin bucket ${bucketName} does not exist.`,
          `오리진 버킷 ${bucketName}가 없습니다.`,
        ),
        s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist'),
      );
    const key = path === '/' && d.DefaultRootObject ? d.DefaultRootObject : path.replace(/^\//, '');
    const caller: S3Caller = origin?.OriginAccessControlId
      ? { kind: 'cloudfront', distributionArn: d.ARN ?? '' }
      : { kind: 'anonymous' };
    const out = getFromBucket(bucket, decodeURIComponent(key), caller, true, hops);
    return out.kind === 'answered' && out.answer.status === 200
      ? {
          ...out,
          answer: {
            ...out.answer,
            headers: { ...out.answer.headers, server: 'AmazonS3', 'x-cache': 'Miss from cloudfront' },
          },
        }
      : out;
  }
  const scheme =
    origin?.CustomOriginConfig?.OriginProtocolPolicy === 'https-only' ||
    (origin?.CustomOriginConfig?.OriginProtocolPolicy === 'match-viewer' && request.scheme === 'https')
      ? 'https'
      : 'http';
  const port =
    scheme === 'https' ? (origin?.CustomOriginConfig?.HTTPSPort ?? 443) : (origin?.CustomOriginConfig?.HTTPPort ?? 80);
  const next = toOrigin({ ...request, host: origin?.DomainName ?? '', scheme, port });
  if (!next)
    return answered(
      hops,
      cf(
        false,
        `${id} cannot resolve its origin ${origin?.DomainName}.`,
        `${id}가 오리진 ${origin?.DomainName}을(를) 찾지 못합니다.`,
      ),
      { status: 502, headers, body: 'The request could not be satisfied.' },
    );
  if (next.kind === 'dropped')
    return answered([...hops, ...next.hops.slice(0, -1)], next.by, {
      status: next.code === 'ETIMEDOUT' ? 504 : 502,
      headers,
      body: 'The request could not be satisfied.',
    });
  return { ...next, hops: [...hops, ...next.hops] };
}

/** A direct request to S3 (not through CloudFront): anonymous, so a private bucket answers 403. */
export function toBucket(view: NetworkView, request: Request): Outcome | undefined {
  const target = s3Target(request);
  if (!target) return undefined;
  const bucket = view.bucket(target.bucket);
  if (!bucket)
    return answered(
      [],
      hop(
        'bucket',
        target.bucket,
        false,
        `No bucket named ${target.bucket} in this account.`,
        `이 계정에 ${target.bucket} 버킷이 없습니다.`,
      ),
      s3Error(404, 'NoSuchBucket', 'The specified bucket does not exist'),
    );
  return getFromBucket(bucket, target.key, { kind: 'anonymous' }, request.scheme === 'https', []);
}
