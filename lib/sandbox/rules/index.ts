/**
 * The catalogue of service rules: what AWS refuses when a resource is created or updated beyond what the resource
 * schema says (one module per service; the CloudFormation API's own limits are in limits.ts). The deploy planner
 * calls `checkRules` right before a resource model makes the resource; a refusal fails that resource with the
 * service's words, as the stack event's status reason shows them.
 */
import type { ModelContext } from '../resources';
import { apigatewayRules } from './apigateway';
import { autoscalingRules } from './autoscaling';
import { cloudfrontRules } from './cloudfront';
import { cloudwatchRules } from './cloudwatch';
import { dynamodbRules } from './dynamodb';
import { ec2Rules } from './ec2';
import { elasticacheRules } from './elasticache';
import { elbv2Rules } from './elbv2';
import { iamRules } from './iam';
import { lambdaRules } from './lambda';
import { rdsRules } from './rds';
import { route53Rules } from './route53';
import type { ServiceRule } from './rule';
import { s3Rules } from './s3';
import { sqsRules } from './sqs';

export { API_LIMITS } from './limits';
export type { ServiceRule } from './rule';

export const RULES: readonly ServiceRule[] = [
  ...rdsRules,
  ...elasticacheRules,
  ...elbv2Rules,
  ...ec2Rules,
  ...autoscalingRules,
  ...s3Rules,
  ...cloudfrontRules,
  ...cloudwatchRules,
  ...iamRules,
  ...dynamodbRules,
  ...route53Rules,
  ...sqsRules,
  ...lambdaRules,
  ...apigatewayRules,
];

const byType = new Map<string, ServiceRule[]>();
for (const r of RULES) for (const t of r.types) byType.set(t, [...(byType.get(t) ?? []), r]);

/** Throws the first rule's refusal (a ResourceFailure) when the resource breaks one; returns when it breaks none. */
export function checkRules(type: string, ctx: ModelContext): void {
  for (const r of byType.get(type) ?? []) r.check(ctx, type);
}
