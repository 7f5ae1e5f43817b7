/**
 * Where a call's template comes from: TemplateBody, the stack's previous template (UsePreviousTemplate), or an S3
 * object named by TemplateURL, read from the sandbox's own S3 (describe/s3-objects.ts) with the caller's permissions.
 *
 * AWS CloudFormation API Reference, CreateStack / UpdateStack / CreateChangeSet › TemplateURL: "The URL must point to a
 * template (max size: 1 MB) that's located in an Amazon S3 bucket … The location for an Amazon S3 bucket must start
 * with https://. URLs from S3 static websites are not supported." and "Conditional: You must specify only
 * TemplateBody or TemplateURL". CloudFormation reads the object with the caller's credentials (s3:GetObject), and
 * words S3's refusal as `S3 error: <S3's message> For more information check …/ErrorResponses.html`.
 */
import { evaluate } from '@/lib/iam';
import type { CallContext } from '../context';
import { bucketView, storedObject } from '../describe/s3-objects';
import { validationError } from '../errors';
import { callerPolicies } from '../iam/caller';
import { checkTemplateObject } from '../rules/limits';
import type { StackRecord } from '../state';

export interface TemplateSource {
  body: string;
  /**
   * `body`: the request's TemplateBody (its length limit applies); `url`: an S3 object (the 1 MB object limit was
   * checked here); `stored`: a template CloudFormation already holds (a change set's, being executed).
   */
  from: 'body' | 'url' | 'stored';
}

const S3_ERRORS = 'For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';
const s3Error = (message: string) => validationError(`S3 error: ${message} ${S3_ERRORS}`);

/**
 * The bucket and key of an S3 object URL in the forms S3 serves (Amazon S3 User Guide, "Virtual-hosted-style
 * requests" and "Path-style requests"; the legacy `s3-<region>` and global `s3.amazonaws.com` endpoints included).
 */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.search || parsed.username) return undefined;
  const host = parsed.hostname.toLowerCase();
  const path = parsed.pathname.slice(1);
  const endpoint = /^s3(?:[.-](?:dualstack\.)?[a-z]{2}(?:-[a-z]+)+-\d)?\.amazonaws\.com$/;
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return undefined;
    }
  };
  if (endpoint.test(host)) {
    const at = path.indexOf('/');
    if (at <= 0 || at === path.length - 1) return undefined;
    const key = decode(path.slice(at + 1));
    return key === undefined ? undefined : { bucket: path.slice(0, at), key };
  }
  const dot = host.indexOf('.s3');
  if (dot <= 0 || !endpoint.test(host.slice(dot + 1)) || !path) return undefined;
  const key = decode(path);
  return key === undefined ? undefined : { bucket: host.slice(0, dot), key };
}

/** The template of a CreateStack / UpdateStack / CreateChangeSet / ValidateTemplate call, refused as AWS refuses it. */
export function readTemplateSource(ctx: CallContext, stack?: StackRecord): TemplateSource {
  const { TemplateBody: body, TemplateURL: url, UsePreviousTemplate } = ctx.input;
  const given = (v: unknown) => typeof v === 'string' && v !== '';
  if (given(body) && given(url)) throw validationError('You cannot specify both Template URL and Template Body.');
  if (UsePreviousTemplate === true) {
    if (!stack) throw validationError('UsePreviousTemplate requires an existing stack.');
    return { body: stack.templateBody, from: 'stored' };
  }
  if (!given(url)) return { body, from: 'body' };
  const location = parseS3Url(url);
  if (!location) throw validationError('TemplateURL must be a supported URL.');
  return { body: readObject(ctx, location.bucket, location.key), from: 'url' };
}

function readObject(ctx: CallContext, bucketName: string, key: string): string {
  const bucket = bucketView(ctx.state, bucketName);
  if (!bucket) throw s3Error('The specified bucket does not exist');
  if (bucket.foreign) throw s3Error('Access Denied');
  const may = (action: string, resource: string) =>
    !ctx.caller ||
    evaluate(callerPolicies(ctx.state, ctx.caller), { action, resource, context: {} }).decision === 'allow';
  if (!may('s3:GetObject', `arn:aws:s3:::${bucketName}/${key}`)) throw s3Error('Access Denied');
  const found = storedObject(ctx.state, bucket, key, ctx.now());
  if (!found) {
    // Without s3:ListBucket, S3 answers a missing key with 403 rather than 404 (GetObject › Permissions).
    if (!may('s3:ListBucket', `arn:aws:s3:::${bucketName}`)) throw s3Error('Access Denied');
    throw s3Error('The specified key does not exist.');
  }
  const text = Buffer.from(found.data, 'base64').toString('utf8');
  checkTemplateObject(text);
  return text;
}
