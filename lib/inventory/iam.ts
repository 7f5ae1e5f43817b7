import { GetInstanceProfileCommand, type InstanceProfile, paginateListAttachedRolePolicies } from '@aws-sdk/client-iam';
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

export function loadInstanceProfile(
  clients: AwsClients,
  memo: Memo,
  name: string,
): Promise<InstanceProfile | undefined> {
  return memo.get(`iam.instanceProfile:${name}`, async () => {
    try {
      return (await clients.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: name }))).InstanceProfile;
    } catch (err) {
      if ((err as Error).name === 'NoSuchEntity' || (err as Error).name === 'NoSuchEntityException') return undefined;
      throw err;
    }
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
