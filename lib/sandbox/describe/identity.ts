import { ssmValue } from '../cloudformation/resolve';
import type { Handlers } from '../context';
import { awsError } from '../errors';
import { stableHex, uuid } from '../ids';
import { resourcesOf } from '../state';

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
    // As IAM does: the role must exist here and its trust policy must allow the call (with its ExternalId).
    const role = resourcesOf(state, 'AWS::IAM::Role').find((r) => r.physicalId === roleName);
    const caller = `arn:aws:sts::${state.accountId}:assumed-role/ScaleLabSandbox/scalelab-sandbox`;
    const denied = () =>
      awsError('AccessDenied', `User: ${caller} is not authorized to perform: sts:AssumeRole on resource: ${arn}`, 403);
    if (m[1] !== state.accountId || !role) throw denied();
    if (!trustAllows(role.props.AssumeRolePolicyDocument, input.ExternalId)) throw denied();
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

/**
 * Does a role's trust policy let an AWS principal assume it with this ExternalId? An Allow statement for
 * sts:AssumeRole whose `sts:ExternalId` condition (if any) equals the one given. (Principals are not matched: the
 * sandbox has one caller.)
 */
export function trustAllows(document: unknown, externalId: unknown): boolean {
  const doc = (typeof document === 'string' ? JSON.parse(document) : document) as { Statement?: unknown } | undefined;
  const statements = [doc?.Statement ?? []].flat() as Record<string, unknown>[];
  return statements.some((st) => {
    if (st.Effect !== 'Allow') return false;
    const actions = [st.Action ?? []].flat() as string[];
    if (!actions.some((a) => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')) return false;
    const principal = st.Principal as Record<string, unknown> | string | undefined;
    if (typeof principal === 'object' && principal && !('AWS' in principal)) return false;
    const equals = (st.Condition as Record<string, Record<string, unknown>> | undefined)?.StringEquals;
    const required = equals?.['sts:ExternalId'];
    return required === undefined || ([required].flat() as unknown[]).includes(externalId);
  });
}
