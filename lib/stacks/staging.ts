/**
 * Templates over CloudFormation's TemplateBody limit go through the account's staging bucket: put once under a key
 * named by the content's SHA-256 (so the same template is never uploaded twice), then launched with TemplateURL.
 *
 * AWS CloudFormation User Guide, "Understand CloudFormation quotas": template body size in a request 51,200 bytes;
 * template size in an Amazon S3 object 1 MB. API Reference, CreateChangeSet › TemplateURL: the template must be in an
 * Amazon S3 bucket and the URL must start with https://; CloudFormation reads it with the caller's credentials, so the
 * caller needs s3:GetObject on it (learner-access.yaml grants the operator role exactly that, and s3:PutObject, on the
 * staging bucket's templates/*).
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from '@/lib/aws/clients';
import { s3ObjectUrl, stagedTemplateKey, stagingBucketName } from '@/lib/aws/staging-bucket';
import { MAX_TEMPLATE_BODY_BYTES, MAX_TEMPLATE_SOURCE_BYTES } from '@/lib/cfn';
import { StackError } from './errors';
import { createStagingBucket } from './staging-bucket';

export { MAX_TEMPLATE_BODY_BYTES };
/** The largest template CloudFormation reads from an S3 object. */
export const MAX_TEMPLATE_URL_BYTES = MAX_TEMPLATE_SOURCE_BYTES;

export interface StagedTemplate {
  bucket: string;
  key: string;
  url: string;
  /** False when the object was there already (same content, same key). */
  uploaded: boolean;
  /** The staging bucket was created for this launch (a local-profile account's first large template). */
  createdBucket: boolean;
}

export interface TemplateSource {
  /** What CreateChangeSet / CreateStack / UpdateStack take: exactly one of TemplateBody and TemplateURL. */
  template: { TemplateBody: string } | { TemplateURL: string };
  staged?: StagedTemplate;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const status = (err: unknown) => (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

/** The template as a request carries it: the body itself up to 51,200 bytes, else a URL of its staged copy. */
export async function templateSource(clients: AwsClients, stackName: string, body: string): Promise<TemplateSource> {
  const bytes = Buffer.byteLength(body, 'utf8');
  if (bytes <= MAX_TEMPLATE_BODY_BYTES) return { template: { TemplateBody: body } };
  if (bytes > MAX_TEMPLATE_URL_BYTES)
    throw new StackError(
      'template-too-large',
      `The template is ${fmt(bytes)} bytes; CloudFormation reads at most ${fmt(MAX_TEMPLATE_URL_BYTES)} bytes from S3 (TemplateURL). Split it into nested stacks.`,
      `템플릿이 ${fmt(bytes)}바이트입니다. CloudFormation은 S3(TemplateURL)에서 최대 ${fmt(MAX_TEMPLATE_URL_BYTES)}바이트까지만 읽습니다. 중첩 스택으로 나누세요.`,
    );
  const accountId =
    clients.account.accountId ?? (await clients.sts.send(new GetCallerIdentityCommand({}))).Account ?? '';
  const bucket = stagingBucketName(accountId, clients.region);
  const key = stagedTemplateKey(stackName, createHash('sha256').update(body).digest('hex'));
  const url = s3ObjectUrl(bucket, clients.region, key);
  if (await stagedAlready(clients, bucket, key, accountId))
    return { template: { TemplateURL: url }, staged: { bucket, key, url, uploaded: false, createdBucket: false } };

  let createdBucket = false;
  try {
    await put(clients, bucket, key, body, accountId);
  } catch (err) {
    if ((err as Error).name !== 'NoSuchBucket') throw explain(err, clients, bucket, bytes);
    if (clients.account.kind !== 'profile') throw missingBucket(bucket, clients.region, bytes);
    // Your own credentials: make the bucket, as the CloudFormation console makes its cf-templates-… bucket.
    await createStagingBucket(clients, bucket);
    createdBucket = true;
    await put(clients, bucket, key, body, accountId).catch((again) => {
      throw explain(again, clients, bucket, bytes);
    });
  }
  return { template: { TemplateURL: url }, staged: { bucket, key, url, uploaded: true, createdBucket } };
}

/** Is this exact template staged already? (Missing bucket or key: no; anything else S3 refuses: ask PutObject.) */
async function stagedAlready(clients: AwsClients, bucket: string, key: string, owner: string): Promise<boolean> {
  try {
    await clients.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ExpectedBucketOwner: owner }));
    return true;
  } catch (err) {
    if (status(err) === 404 || status(err) === 403) return false;
    throw err;
  }
}

function put(clients: AwsClients, bucket: string, key: string, body: string, owner: string) {
  return clients.s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: 'application/x-yaml',
      // S3 refuses the write unless the bucket is this account's: a bucket of that name elsewhere gets nothing.
      ExpectedBucketOwner: owner,
      ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
    }),
  );
}

function missingBucket(bucket: string, region: string, bytes: number): StackError {
  return new StackError(
    'staging-bucket-missing',
    `The template is ${fmt(bytes)} bytes, over CloudFormation's ${fmt(MAX_TEMPLATE_BODY_BYTES)}-byte TemplateBody limit, so ScaleLab launches it from the staging bucket ${bucket}, which this account does not have in ${region}. Deploy (or update) the learner-access stack (templates/access/learner-access.yaml) in ${region}: it creates the staging bucket and lets the ScaleLab operator role write templates to it.`,
    `템플릿이 ${fmt(bytes)}바이트로 CloudFormation의 TemplateBody 한도 ${fmt(MAX_TEMPLATE_BODY_BYTES)}바이트를 넘어서, ScaleLab은 스테이징 버킷 ${bucket}에서 배포합니다. 그런데 이 계정의 ${region}에는 그 버킷이 없습니다. ${region}에 learner-access 스택(templates/access/learner-access.yaml)을 배포(또는 업데이트)하세요. 이 스택이 스테이징 버킷을 만들고 ScaleLab 운영자 역할이 템플릿을 올릴 수 있게 합니다.`,
  );
}

function explain(err: unknown, clients: AwsClients, bucket: string, bytes: number): unknown {
  if (status(err) !== 403) return err;
  const refused = `S3 refused to store the ${fmt(bytes)}-byte template in the staging bucket ${bucket} (${(err as Error).name})`;
  const refusedKo = `S3가 ${fmt(bytes)}바이트 템플릿을 스테이징 버킷 ${bucket}에 저장하지 않았습니다(${(err as Error).name})`;
  const profile = clients.account.kind === 'profile';
  return new StackError(
    'staging-bucket-denied',
    profile
      ? `${refused}: either the bucket belongs to another account, or your credentials may not s3:PutObject there.`
      : `${refused}: either the bucket belongs to another account, or the ScaleLab role predates the staging bucket. Update the learner-access stack (templates/access/learner-access.yaml) in ${clients.region} to its latest version.`,
    profile
      ? `${refusedKo}. 버킷이 다른 계정의 것이거나, 내 자격 증명에 그 버킷의 s3:PutObject 권한이 없습니다.`
      : `${refusedKo}. 버킷이 다른 계정의 것이거나, ScaleLab 역할이 스테이징 버킷보다 먼저 만들어졌습니다. ${clients.region}의 learner-access 스택(templates/access/learner-access.yaml)을 최신 버전으로 업데이트하세요.`,
  );
}
