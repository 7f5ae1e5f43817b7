/** AWS IAM: names are global to the account, so the same named stack deployed in a second Region collides. */
import type { ModelContext } from '../resources';
import { str } from '../resources/model';
import { isSelf, refuse, rule } from './rule';

// IAM User Guide › IAM identifiers › "Friendly names and paths": names of users, groups, roles, policies and instance
// profiles must be unique within the account (IAM is global: not per Region).
const SOURCE = {
  title: 'AWS IAM User Guide: IAM identifiers › Friendly names and paths',
  url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-friendly-names',
};

/** A resource of the type whose name (the given property, else its physical id) is `name`, in any Region. */
const named = (ctx: ModelContext, type: string, name: string, nameOf: (p: Record<string, unknown>) => unknown) =>
  ctx.world.all(type, true).some((r) => !isSelf(ctx, r) && (nameOf(r.props) ?? r.physicalId) === name);

const nameRule = (
  id: string,
  type: string,
  property: string,
  says: string,
  message: (name: string) => string,
  nameOf: (p: Record<string, unknown>) => unknown = (p) => p[property],
) =>
  rule({
    id,
    types: [type],
    says,
    source: SOURCE,
    check(ctx) {
      const name = str(ctx.props, property);
      if (name && !(ctx.existing && nameOf(ctx.existing.props) === name) && named(ctx, type, name, nameOf))
        refuse(message(name), 'EntityAlreadyExists', { status: 409 });
    },
  });

export const roleNameUnique = nameRule(
  'iam.role-name-unique',
  'AWS::IAM::Role',
  'RoleName',
  'A role name is unique in the account (IAM is global: a second Region sees the first).',
  (n) => `Role with name ${n} already exists.`,
);

export const instanceProfileNameUnique = nameRule(
  'iam.instance-profile-name-unique',
  'AWS::IAM::InstanceProfile',
  'InstanceProfileName',
  'An instance profile name is unique in the account.',
  (n) => `Instance Profile ${n} already exists.`,
);

export const managedPolicyNameUnique = nameRule(
  'iam.managed-policy-name-unique',
  'AWS::IAM::ManagedPolicy',
  'ManagedPolicyName',
  'A customer managed policy name is unique in the account.',
  (n) => `A policy called ${n} already exists. Duplicate names are not allowed.`,
);

export const iamRules = [roleNameUnique, instanceProfileNameUnique, managedPolicyNameUnique];
