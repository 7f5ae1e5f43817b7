import { ssmValue } from '../cloudformation/plan';
import type { Handlers } from '../context';
import { awsError } from '../errors';
import { stableHex, uuid } from '../ids';

/** STS and Systems Manager Parameter Store: who the caller is, and what a parameter holds. */
export const identityHandlers: Handlers = {
  'STS.GetCallerIdentity': ({ state }) => ({
    UserId: `AROA${stableHex(state.accountId, 17).toUpperCase()}:scalelab-sandbox`,
    Account: state.accountId,
    Arn: `arn:aws:sts::${state.accountId}:assumed-role/ScaleLabSandbox/scalelab-sandbox`,
  }),
  'STS.AssumeRole': ({ state, input }) => {
    const arn = String(input.RoleArn ?? '');
    const m = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(arn);
    if (!m) throw awsError('ValidationError', `${arn} is invalid`);
    const roleName = m[2]!.split('/').pop()!;
    const session = String(input.RoleSessionName ?? 'session');
    return {
      Credentials: {
        AccessKeyId: `ASIA${stableHex(uuid(), 16).toUpperCase()}`,
        SecretAccessKey: stableHex(uuid(), 40),
        SessionToken: `sandbox-${uuid()}`,
        Expiration: new Date(Date.now() + Number(input.DurationSeconds ?? 3600) * 1000),
      },
      AssumedRoleUser: {
        AssumedRoleId: `AROA${stableHex(arn, 17).toUpperCase()}:${session}`,
        Arn: `arn:aws:sts::${m[1] ?? state.accountId}:assumed-role/${roleName}/${session}`,
      },
    };
  },
  'SSM.GetParameter': ({ state, region, input }) => {
    const name = String(input.Name);
    const value = ssmValue(state, region, name);
    if (value === undefined) throw awsError('ParameterNotFound', `Parameter ${name} not found.`);
    return {
      Parameter: {
        Name: name,
        Type: 'String',
        Value: value,
        Version: 1,
        DataType: name.includes('/ami') ? 'aws:ec2:image' : 'text',
        ARN: `arn:aws:ssm:${region}:${name.startsWith('/aws/') ? '' : state.accountId}:parameter${name.startsWith('/') ? '' : '/'}${name}`,
      },
    };
  },
  'SSM.GetParameters': ({ state, region, input }) => {
    const names = (input.Names as string[] | undefined) ?? [];
    const found = names.filter((n) => ssmValue(state, region, n) !== undefined);
    return {
      Parameters: found.map((n) => ({ Name: n, Type: 'String', Value: ssmValue(state, region, n), Version: 1 })),
      InvalidParameters: names.filter((n) => !found.includes(n)),
    };
  },
};
