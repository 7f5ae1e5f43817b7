/**
 * The CloudFormation API's own limits, refused at the call (CreateStack, UpdateStack, CreateChangeSet,
 * ValidateTemplate) as a ValidationError, before any resource is touched. CloudFormation User Guide › "Understand
 * CloudFormation quotas": template body size in a request 51,200 bytes; template size in an S3 object 1 MB; resources
 * declared in a template 500.
 */
import { validationError } from '../errors';

export const QUOTAS_SOURCE = {
  title: 'AWS CloudFormation User Guide: Understand CloudFormation quotas',
  url: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html',
};

export const MAX_TEMPLATE_BODY = 51_200;
export const MAX_TEMPLATE_URL_OBJECT = 1_000_000;
export const MAX_RESOURCES = 500;

export interface ApiLimit {
  id: string;
  says: string;
  source: typeof QUOTAS_SOURCE;
}

export const API_LIMITS: ApiLimit[] = [
  { id: 'cloudformation.template-body-51200', says: 'A TemplateBody is at most 51,200 bytes.', source: QUOTAS_SOURCE },
  {
    id: 'cloudformation.template-url-1mb',
    says: 'A template read from TemplateURL (an S3 object) is at most 1 MB.',
    source: QUOTAS_SOURCE,
  },
  { id: 'cloudformation.resources-500', says: 'A template declares at most 500 resources.', source: QUOTAS_SOURCE },
];

/** The request's TemplateBody: the API's length constraint (the service quotes the start of the value). */
export function checkTemplateBody(body: string): void {
  if (body.length > MAX_TEMPLATE_BODY)
    throw validationError(
      `1 validation error detected: Value '${body.slice(0, 20)}...' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TEMPLATE_BODY}`,
    );
}

/** A template fetched from a TemplateURL (the sandbox reads S3 objects of its own buckets only). */
export function checkTemplateObject(body: string): void {
  if (Buffer.byteLength(body) > MAX_TEMPLATE_URL_OBJECT)
    throw validationError(`Template may not exceed ${MAX_TEMPLATE_URL_OBJECT} bytes in size.`);
}

/** The parsed template's Resources section. */
export function checkResourceCount(count: number): void {
  if (count > MAX_RESOURCES)
    throw validationError(
      `Template format error: Number of resources, ${count}, is greater than maximum allowed, ${MAX_RESOURCES}`,
    );
}
