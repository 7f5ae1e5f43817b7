/**
 * Identity-based policy evaluation, as IAM does it for one principal in one account (IAM User Guide, "Policy
 * evaluation logic" → "Determining whether a request is allowed or denied within an account"): an explicit Deny in
 * any statement wins; otherwise an Allow whose Action, Resource and Condition all match allows; otherwise the request
 * is implicitly denied. Not modelled: resource-based policies, permissions boundaries, SCPs, session policies and
 * policy variables (`${aws:username}`).
 */
import { type ConditionBlock, conditionsHold, globMatch, type RequestContext } from './conditions';

export type { RequestContext } from './conditions';

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version?: string;
  Statement: Statement | Statement[];
}

/** A policy as it is attached to the principal: where it came from (for messages) and its document. */
export interface NamedPolicy {
  name: string;
  document: PolicyDocument;
}

export interface AuthRequest {
  action: string;
  resource: string;
  context?: RequestContext;
}

export type Decision =
  | { decision: 'allow'; policy: string; sid?: string }
  | { decision: 'explicit-deny'; policy: string; sid?: string }
  | { decision: 'implicit-deny' };

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : [v].flat());

function actionMatches(st: Statement, action: string): boolean {
  if (st.NotAction !== undefined) return !list(st.NotAction).some((p) => globMatch(p, action, true));
  return list(st.Action).some((p) => globMatch(p, action, true));
}

function resourceMatches(st: Statement, resource: string): boolean {
  if (st.NotResource !== undefined) return !list(st.NotResource).some((p) => globMatch(p, resource));
  return list(st.Resource).some((p) => globMatch(p, resource));
}

/** Parse a document given as JSON text or as an object (CloudFormation accepts both). */
export function policyDocument(value: unknown): PolicyDocument {
  const doc = typeof value === 'string' ? JSON.parse(value) : value;
  if (!doc || typeof doc !== 'object' || !('Statement' in doc)) throw new Error('a policy document needs a Statement');
  return doc as PolicyDocument;
}

export function statementsOf(doc: PolicyDocument): Statement[] {
  return [doc.Statement].flat();
}

export function evaluate(policies: NamedPolicy[], request: AuthRequest): Decision {
  const context = request.context ?? {};
  let allowed: Decision | undefined;
  for (const policy of policies) {
    for (const st of statementsOf(policy.document)) {
      if (!actionMatches(st, request.action) || !resourceMatches(st, request.resource)) continue;
      if (!conditionsHold(st.Condition, context)) continue;
      if (st.Effect === 'Deny') return { decision: 'explicit-deny', policy: policy.name, sid: st.Sid };
      allowed ??= { decision: 'allow', policy: policy.name, sid: st.Sid };
    }
  }
  return allowed ?? { decision: 'implicit-deny' };
}

/**
 * The reason IAM gives when a request is refused: "because no identity-based policy allows the X action" or
 * "with an explicit deny in an identity-based policy" (IAM User Guide, "Troubleshoot access denied error messages").
 */
export function deniedReason(decision: Decision, action: string): string {
  return decision.decision === 'explicit-deny'
    ? `with an explicit deny in an identity-based policy: ${decision.policy}`
    : `because no identity-based policy allows the ${action} action`;
}
