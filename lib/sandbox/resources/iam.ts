import { generatedName, stableHex } from '../ids';
import { fail, list, type Models, str } from './model';

const roleId = (seed: string, prefix: string) => `${prefix}${stableHex(seed, 17).toUpperCase()}`;

export const iamModels: Models = {
  'AWS::IAM::Role': {
    seconds: 5,
    make(ctx) {
      if (!ctx.props.AssumeRolePolicyDocument) fail('AssumeRolePolicyDocument is required.', 'MissingParameter');
      const name =
        str(ctx.props, 'RoleName') ?? ctx.existing?.physicalId ?? generatedName(ctx.stackName, ctx.logicalId, 64);
      const path = str(ctx.props, 'Path') ?? '/';
      // One role of a name in the account: lib/sandbox/rules/iam.ts.
      return {
        physicalId: name,
        attrs: {
          Arn: `arn:aws:iam::${ctx.accountId}:role${path}${name}`,
          RoleId: roleId(name, 'AROA'),
          RoleName: name,
          Path: path,
        },
      };
    },
  },

  'AWS::IAM::InstanceProfile': {
    seconds: 120,
    make(ctx) {
      const roles = list(ctx.props, 'Roles');
      if (roles.length !== 1) fail('An instance profile takes exactly one role.', 'LimitExceeded');
      for (const r of roles)
        if (!ctx.world.find('AWS::IAM::Role', r, true))
          fail(`The role with name ${r} cannot be found.`, 'NoSuchEntity');
      const name =
        str(ctx.props, 'InstanceProfileName') ??
        ctx.existing?.physicalId ??
        generatedName(ctx.stackName, ctx.logicalId, 128);
      const path = str(ctx.props, 'Path') ?? '/';
      return {
        physicalId: name,
        attrs: {
          Arn: `arn:aws:iam::${ctx.accountId}:instance-profile${path}${name}`,
          InstanceProfileId: roleId(name, 'AIPA'),
        },
      };
    },
  },

  'AWS::IAM::Policy': {
    seconds: 5,
    make(ctx) {
      if (!ctx.props.PolicyDocument) fail('PolicyDocument is required.', 'MissingParameter');
      for (const r of list(ctx.props, 'Roles'))
        if (!ctx.world.find('AWS::IAM::Role', r, true))
          fail(`The role with name ${r} cannot be found.`, 'NoSuchEntity');
      const id =
        ctx.existing?.physicalId ??
        `${ctx.stackName.slice(0, 5)}-${ctx.logicalId.slice(0, 5)}-${generatedName('', '', 14).slice(2)}`;
      return { physicalId: id, attrs: { Id: id } };
    },
  },

  'AWS::IAM::ManagedPolicy': {
    seconds: 5,
    make(ctx) {
      const name =
        str(ctx.props, 'ManagedPolicyName') ??
        (ctx.existing?.attrs.PolicyName as string) ??
        generatedName(ctx.stackName, ctx.logicalId, 128);
      const path = str(ctx.props, 'Path') ?? '/';
      const arn = `arn:aws:iam::${ctx.accountId}:policy${path}${name}`;
      return { physicalId: arn, attrs: { PolicyArn: arn, PolicyName: name, PolicyId: roleId(name, 'ANPA') } };
    },
  },
};
