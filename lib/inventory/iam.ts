import {
  type InstanceProfile,
  paginateListAttachedRolePolicies,
  paginateListInstanceProfiles,
} from '@aws-sdk/client-iam';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** An instance profile of the fleet: the instances using it and the managed policies of each of its roles. */
export interface FleetProfile {
  /** Undefined for instances launched without an instance profile. */
  arn: string | undefined;
  name: string | undefined;
  instanceIds: string[];
  roles: { name: string; policyArns: string[] }[];
}

/** AWS managed policies that let the SSM agent register the instance and open Session Manager sessions. */
export const SSM_POLICIES = [
  'AmazonSSMManagedInstanceCore',
  'AmazonSSMManagedEC2InstanceDefaultPolicy',
  'AmazonEC2RoleforSSM',
];

/** Is this an AWS managed policy that makes an instance SSM-managed? */
export function grantsSsm(policyArn: string): boolean {
  const m = /^arn:[^:]+:iam::aws:policy\/(?:.*\/)?([^/]+)$/.exec(policyArn);
  return m?.[1] !== undefined && SSM_POLICIES.includes(m[1]);
}

/** `arn:aws:iam::123:instance-profile/path/name` → name (the last segment: profiles may have a path). */
export const profileNameFromArn = (arn: string): string => arn.split('/').pop() ?? arn;

/**
 * Every instance profile of the account with its roles (ListInstanceProfiles, paginated), keyed by name: asked at the
 * run's start, beside the instances, so the roles' policies are one round-trip after them rather than two.
 */
export function loadInstanceProfiles(clients: AwsClients, memo: Memo): Promise<Map<string, InstanceProfile>> {
  return memo.get('iam.instanceProfiles', async () => {
    const all = await collect(paginateListInstanceProfiles({ client: clients.iam }, {}), (p) => p.InstanceProfiles);
    return new Map(all.flatMap((p) => (p.InstanceProfileName ? [[p.InstanceProfileName, p]] : [])));
  });
}

export function loadAttachedPolicies(clients: AwsClients, memo: Memo, role: string): Promise<string[]> {
  return memo.get(`iam.attachedPolicies:${role}`, async () => {
    const attached = await collect(
      paginateListAttachedRolePolicies({ client: clients.iam }, { RoleName: role }),
      (p) => p.AttachedPolicies,
    );
    return attached.flatMap((a) => (a.PolicyArn ? [a.PolicyArn] : []));
  });
}
