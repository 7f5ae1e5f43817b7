/**
 * Who is calling the sandbox: nobody in particular (the sandbox's own account, every call allowed, as before), or a
 * session of a role deployed in the sandbox account (learner-access.yaml's operator or grader role), whose identity
 * policies the sandbox then evaluates for every call and every resource handler, as IAM does.
 */
import { awsManagedPolicy, evaluate, type NamedPolicy, type PolicyResource, rolePolicies } from '@/lib/iam';
import { trustAllows } from '../describe/identity';
import { awsError } from '../errors';
import { resourcesOf, type SandboxState } from '../state';

export interface RoleSession {
  roleArn: string;
  externalId?: string;
  sessionName?: string;
}

export interface Caller {
  roleName: string;
  /** arn:aws:sts::<account>:assumed-role/<role>/<session>, as AWS names the principal in AccessDenied messages. */
  arn: string;
}

/** The session's principal, after the checks STS.AssumeRole makes (the role exists; its trust policy allows it). */
export function callerFor(state: SandboxState, session: RoleSession): Caller {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(session.roleArn);
  const role = m && resourcesOf(state, 'AWS::IAM::Role').find((r) => r.physicalId === m[2]);
  if (!m || m[1] !== state.accountId || !role || !trustAllows(role.props.AssumeRolePolicyDocument, session.externalId))
    throw awsError(
      'AccessDenied',
      `User: arn:aws:sts::${state.accountId}:assumed-role/ScaleLabSandbox/scalelab-sandbox is not authorized to perform: sts:AssumeRole on resource: ${session.roleArn}`,
      403,
    );
  return {
    roleName: m[2]!,
    arn: `arn:aws:sts::${state.accountId}:assumed-role/${m[2]}/${session.sessionName ?? 'scalelab'}`,
  };
}

/** The role's identity policies as deployed now: inline, managed (AWS models + the account's own), attached. */
export function callerPolicies(state: SandboxState, caller: Caller): NamedPolicy[] {
  const role = resourcesOf(state, 'AWS::IAM::Role').find((r) => r.physicalId === caller.roleName);
  if (!role) return [];
  const customer: PolicyResource[] = [
    ...resourcesOf(state, 'AWS::IAM::ManagedPolicy').map((p) => ({
      arn: p.physicalId,
      name: String(p.attrs.PolicyName ?? p.physicalId),
      document: p.props.PolicyDocument,
      roles: (p.props.Roles as string[] | undefined) ?? [],
    })),
    ...resourcesOf(state, 'AWS::IAM::Policy').map((p) => ({
      name: String(p.props.PolicyName ?? p.physicalId),
      document: p.props.PolicyDocument,
      roles: (p.props.Roles as string[] | undefined) ?? [],
    })),
  ];
  return rolePolicies({ name: role.physicalId, props: role.props }, customer);
}

export { awsManagedPolicy, evaluate };
