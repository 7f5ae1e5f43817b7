/**
 * IAM for the API calls a role session makes (the platform's CreateChangeSet, the grader's describes): the
 * operation's action, evaluated against the role's identity policies; refused with the service's own AccessDenied.
 */
import type { CallRequest } from '@/lib/aws/clients';
import { deniedReason, evaluate } from '@/lib/iam';
import { awsError } from '../errors';
import { accessDeniedName } from '../faults';
import type { SandboxState } from '../state';
import { type Caller, callerPolicies } from './caller';

/** SDK client name → IAM service prefix, where they differ (Service Authorization Reference). */
const PREFIX: Record<string, string> = {
  ElasticLoadBalancingV2: 'elasticloadbalancing',
  ApiGatewayV2: 'apigateway',
  ResourceGroupsTaggingAPI: 'tag',
  AutoScaling: 'autoscaling',
  CloudWatch: 'cloudwatch',
  Route53: 'route53',
};

/** Operations whose IAM action has another name. */
const ACTION: Record<string, string> = {
  'S3.ListObjectsV2': 's3:ListBucket',
  'S3.HeadBucket': 's3:ListBucket',
  'S3.HeadObject': 's3:GetObject',
  'S3.GetPublicAccessBlock': 's3:GetBucketPublicAccessBlock',
  'S3.GetBucketReplication': 's3:GetReplicationConfiguration',
  'S3.GetBucketEncryption': 's3:GetEncryptionConfiguration',
  'ApiGatewayV2.GetApis': 'apigateway:GET',
  'ApiGatewayV2.GetApi': 'apigateway:GET',
  'ApiGatewayV2.GetRoutes': 'apigateway:GET',
  'ApiGatewayV2.GetIntegrations': 'apigateway:GET',
  'ApiGatewayV2.GetStages': 'apigateway:GET',
};

/** Calls IAM does not authorize (AWS STS: "no permissions are required to perform this operation"). */
const ALWAYS = new Set(['STS.GetCallerIdentity']);

export function iamAction(service: string, operation: string): string {
  return ACTION[`${service}.${operation}`] ?? `${PREFIX[service] ?? service.toLowerCase()}:${operation}`;
}

function resourceOf(state: SandboxState, request: CallRequest): string {
  const stack = request.input.StackName;
  if (request.service === 'CloudFormation' && typeof stack === 'string') {
    const name = stack.startsWith('arn:') ? (stack.split('/')[1] ?? stack) : stack;
    return `arn:aws:cloudformation:${request.region}:${state.accountId}:stack/${name}/*`;
  }
  // S3: the object (Bucket + Key) or the bucket (Service Authorization Reference, Amazon S3 › resource types).
  const { Bucket: bucket, Key: key } = request.input;
  if (request.service === 'S3' && typeof bucket === 'string')
    return typeof key === 'string' ? `arn:aws:s3:::${bucket}/${key}` : `arn:aws:s3:::${bucket}`;
  return '*';
}

export function authorizeCall(state: SandboxState, caller: Caller, request: CallRequest): void {
  const key = `${request.service}.${request.operation}`;
  if (ALWAYS.has(key)) return;
  const action = iamAction(request.service, request.operation);
  const resource = resourceOf(state, request);
  const decision = evaluate(callerPolicies(state, caller), { action, resource, context: {} });
  if (decision.decision === 'allow') return;
  const [name, status] = accessDeniedName(request.service);
  const on = resource === '*' ? '' : ` on resource: ${resource}`;
  throw awsError(
    name,
    `User: ${caller.arn} is not authorized to perform: ${action}${on} ${deniedReason(decision, action)}`,
    status,
  );
}
