/**
 * The identity policies of an IAM role as CloudFormation declares it (AWS::IAM::Role: Policies inline,
 * ManagedPolicyArns) plus the AWS::IAM::Policy / AWS::IAM::ManagedPolicy resources that attach to it by name.
 * AWS managed policies come from the minimal models in aws-managed.ts; one not modelled grants nothing.
 */
import { awsManagedPolicy } from './aws-managed';
import { type NamedPolicy, policyDocument } from './evaluate';

/** A customer policy resource: an AWS::IAM::ManagedPolicy (by ARN) or AWS::IAM::Policy, with the roles it names. */
export interface PolicyResource {
  arn?: string;
  name: string;
  document: unknown;
  roles: string[];
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function rolePolicies(
  role: { name: string; props: Record<string, unknown> },
  customer: PolicyResource[] = [],
): NamedPolicy[] {
  const out: NamedPolicy[] = [];
  for (const p of (role.props.Policies as { PolicyName?: string; PolicyDocument?: unknown }[] | undefined) ?? [])
    out.push({ name: String(p.PolicyName), document: policyDocument(p.PolicyDocument) });
  for (const arn of strings(role.props.ManagedPolicyArns)) {
    const aws = awsManagedPolicy(arn);
    if (aws) out.push(aws);
    const own = customer.find((c) => c.arn === arn);
    if (own) out.push({ name: arn, document: policyDocument(own.document) });
  }
  for (const c of customer)
    if (c.roles.includes(role.name) && !out.some((p) => p.name === (c.arn ?? c.name)))
      out.push({ name: c.arn ?? c.name, document: policyDocument(c.document) });
  return out;
}
