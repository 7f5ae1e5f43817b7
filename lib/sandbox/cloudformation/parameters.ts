import { validationError } from '../errors';
import type { World } from '../resources';
import type { ParameterRecord } from '../state';
import type { ParameterDecl } from './template';

export interface GivenParameter {
  ParameterKey?: string;
  ParameterValue?: string;
  UsePreviousValue?: boolean;
}

/** AWS-specific parameter types whose value must name something that exists. */
const EXISTING: Record<string, string> = {
  'AWS::EC2::VPC::Id': 'AWS::EC2::VPC',
  'AWS::EC2::Subnet::Id': 'AWS::EC2::Subnet',
  'AWS::EC2::SecurityGroup::Id': 'AWS::EC2::SecurityGroup',
};

/**
 * Bind the caller's parameter values to the template's declarations, as CreateStack / UpdateStack do: defaults,
 * UsePreviousValue, AllowedValues / AllowedPattern, SSM parameter types resolved from Parameter Store.
 */
export function bindParameters(
  decls: ParameterDecl[],
  given: GivenParameter[] | undefined,
  previous: ParameterRecord[] | undefined,
  lookups: { ssm: (name: string) => string | undefined; world: World },
): ParameterRecord[] {
  const declared = new Set(decls.map((d) => d.name));
  const unknown = (given ?? []).map((g) => g.ParameterKey ?? '').filter((k) => !declared.has(k));
  if (unknown.length) throw validationError(`Parameters: [${unknown.join(', ')}] do not exist in the template`);
  const missing: string[] = [];
  const unresolved: string[] = [];
  const out: ParameterRecord[] = [];
  for (const d of decls) {
    const g = given?.find((x) => x.ParameterKey === d.name);
    const prior = previous?.find((p) => p.key === d.name);
    if (g?.UsePreviousValue && !prior)
      throw validationError(
        `Invalid input for parameter key ${d.name}. Cannot specify usePreviousValue as true for a parameter key not in the previous template`,
      );
    const value = g?.UsePreviousValue ? prior?.value : (g?.ParameterValue ?? d.default);
    if (value === undefined) {
      missing.push(d.name);
      continue;
    }
    const values = /^List<|CommaDelimitedList/.test(d.type) ? value.split(',').map((v) => v.trim()) : [value];
    if (d.allowedValues && !values.every((v) => d.allowedValues?.includes(v)))
      throw validationError(`Parameter '${d.name}' must be one of AllowedValues`);
    if (d.allowedPattern && !values.every((v) => new RegExp(`^(?:${d.allowedPattern})$`).test(v)))
      throw validationError(`Parameter '${d.name}' must match pattern ${d.allowedPattern}`);
    const record: ParameterRecord = { key: d.name, value, noEcho: d.noEcho || undefined };
    if (d.type.startsWith('AWS::SSM::Parameter::Value<')) {
      const resolved = lookups.ssm(value);
      if (resolved === undefined) unresolved.push(value);
      else record.resolved = resolved;
    }
    const mustExist = EXISTING[d.type.replace(/^List<(.*)>$/, '$1')];
    if (mustExist)
      for (const v of values)
        if (!lookups.world.find(mustExist, v))
          throw validationError(
            `Parameter validation failed: parameter value ${v} for parameter name ${d.name} does not exist. Rollback requested by user.`,
          );
    out.push(record);
  }
  if (missing.length) throw validationError(`Parameters: [${missing.join(', ')}] must have values`);
  if (unresolved.length)
    throw validationError(
      `Unable to fetch parameters [${unresolved.join(',')}] from parameter store for this account.`,
    );
  return out;
}

/** The values the template is evaluated with (an SSM-typed parameter evaluates to what the store holds). */
export function parameterValues(records: ParameterRecord[]): Record<string, string> {
  return Object.fromEntries(records.map((r) => [r.key, r.resolved ?? r.value]));
}
