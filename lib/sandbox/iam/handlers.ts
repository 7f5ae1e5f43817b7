/**
 * IAM for what CloudFormation does with the caller's credentials: before a resource's handler runs, each action it
 * calls (lib/iam/handler-permissions.json) is evaluated against the deploying role's policies; the first refused
 * action fails the resource as CloudFormation shows it — `Resource handler returned message: "User: … is not
 * authorized to perform: rds:CreateDBInstance on resource: … because no identity-based policy allows the
 * rds:CreateDBInstance action (Service: Rds, Status Code: 403, Request ID: …)" (HandlerErrorCode: AccessDenied)`.
 * Deletes the stack makes (dropped resources, DeleteStack) are not evaluated yet.
 */
import { deniedReason, evaluate, type HandlerOp, handlerRequests, type Tag } from '@/lib/iam';
import { ResourceFailure } from '../errors';
import type { ResourceRecord, SandboxState } from '../state';
import { type Caller, callerPolicies } from './caller';

export interface HandlerCall {
  state: SandboxState;
  region: string;
  stackName: string;
  caller?: Caller;
  type: string;
  logicalId: string;
  props: Record<string, unknown>;
  /** The stack's tags, which CloudFormation propagates to the resource. */
  stackTags: Tag[];
  previous?: ResourceRecord;
  replace: boolean;
}

const NAME_PROPS = ['RoleName', 'BucketName', 'DBInstanceIdentifier', 'DBClusterIdentifier', 'TableName', 'Name'];

function ownTags(props: Record<string, unknown>): Tag[] {
  const tags = props.Tags;
  if (Array.isArray(tags)) return tags.map((t) => ({ Key: String(t?.Key), Value: String(t?.Value ?? '') }));
  if (tags && typeof tags === 'object') return Object.entries(tags).map(([Key, v]) => ({ Key, Value: String(v) }));
  return [];
}

/** Throws the AccessDenied failure of the first action the caller may not perform; nothing without a caller. */
export function authorizeHandler(call: HandlerCall): void {
  const { caller } = call;
  if (!caller) return;
  const policies = callerPolicies(call.state, caller);
  const tags = [...call.stackTags, ...ownTags(call.props)];
  const named = NAME_PROPS.map((p) => call.props[p]).find((v) => typeof v === 'string') as string | undefined;
  const ops: { op: HandlerOp; name?: string }[] = !call.previous
    ? [{ op: 'create', name: named }]
    : call.replace
      ? [
          { op: 'create', name: named },
          { op: 'delete', name: call.previous.physicalId },
        ]
      : [{ op: 'update', name: call.previous.physicalId }];
  for (const { op, name } of ops) {
    const requests = handlerRequests({
      type: call.type,
      op,
      region: call.region,
      accountId: call.state.accountId,
      stackName: call.stackName,
      name: name ?? `${call.stackName}-${call.logicalId}`,
      tags,
      previousTags: call.previous?.tags ?? [],
    });
    for (const req of requests) {
      const decision = evaluate(policies, req);
      if (decision.decision === 'allow') continue;
      throw new ResourceFailure(
        `User: ${caller.arn} is not authorized to perform: ${req.action} on resource: ${req.resource} ${deniedReason(decision, req.action)}`,
        'AccessDenied',
        { status: 403, handlerCode: 'AccessDenied' },
      );
    }
  }
}
