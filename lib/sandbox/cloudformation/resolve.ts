/** What a deploy resolves its template against: parameters, exports, Parameter Store, and the stack's own resources. */
import { createResolver, type Resolver } from '@/lib/cfn';
import { ResourceFailure } from '../errors';
import type { Caller } from '../iam/caller';
import { availabilityZones, publicParameter } from '../regions';
import type { World } from '../resources';
import { SECRET, secretValue } from '../resources/secrets';
import { resourceById, resourcesOf, type SandboxState, type StackRecord, type Tag } from '../state';
import { parameterValues } from './parameters';
import type { PreparedTemplate } from './template';

export interface DeployInput {
  state: SandboxState;
  region: string;
  stack: StackRecord;
  prepared: PreparedTemplate;
  templateBody: string;
  parameters: StackRecord['parameters'];
  tags: Tag[];
  start: number;
  /** The role session that asked for the operation: CloudFormation acts with its permissions (lib/sandbox/iam). */
  caller?: Caller;
}

/** Values known for resources of the stack (what Ref and GetAtt give), for the resolver. */
export type Known = Map<string, { ref: string; attrs: Record<string, unknown> } | 'unknown'>;

export const UNKNOWN = '{{sandbox:known-after-deploy}}';

/**
 * `world`, when given (a deploy), is what the operation sees so far: a secret the same stack made earlier resolves, and
 * a reference to a secret that does not exist fails the resource as CloudFormation does. Without it (a change set's
 * preview), the region's state is read and an unknown secret is left unresolved.
 */
export function resolverFor(input: DeployInput, known: Known, world?: World): Resolver {
  const { state, region, stack, prepared } = input;
  return createResolver(prepared.template, {
    parameters: parameterValues(input.parameters),
    region,
    accountId: state.accountId,
    stackName: stack.stackName,
    stackId: stack.stackId,
    availabilityZones,
    imports: exportsOf(state, region, stack.stackId),
    dynamicReference: (service, key) =>
      service === 'ssm'
        ? ssmValue(state, region, key)
        : service === 'secretsmanager'
          ? secretFor(state, region, key, world)
          : undefined,
    physical: {
      ref: (id) => {
        const k = known.get(id);
        return k === 'unknown' ? UNKNOWN : k?.ref;
      },
      getAtt: (id, attribute) => {
        const k = known.get(id);
        if (k === 'unknown') return UNKNOWN;
        if (!k) return undefined;
        if (!(attribute in k.attrs) || k.attrs[attribute] === undefined)
          throw new ResourceFailure(
            `Template error: resource ${id} does not support attribute ${attribute} in the ScaleLab sandbox`,
          );
        return k.attrs[attribute];
      },
    },
  });
}
/** A Secrets Manager dynamic reference's value (secrets of this account and region). */
function secretFor(state: SandboxState, region: string, key: string, world?: World): string | undefined {
  const secrets = world ? world.all(SECRET) : resourcesOf(state, SECRET, region);
  const value = secretValue(secrets, key);
  if (value === undefined && world)
    throw new ResourceFailure("Secrets Manager can't find the specified secret.", 'ResourceNotFoundException');
  return value;
}

/** A parameter in Parameter Store: AWS's public ones, or one a stack made. */
export function ssmValue(state: SandboxState, region: string, name: string): string | undefined {
  const own = resourceById(state, region, 'AWS::SSM::Parameter', name);
  return own ? String(own.attrs.Value) : publicParameter(name, region);
}

/** `Fn::ImportValue` sees every other live stack's exports in the region. */
export function exportsOf(state: SandboxState, region: string, exceptStackId?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of state.regions[region]?.stacks ?? []) {
    if (s.stackId === exceptStackId || s.status === 'DELETE_COMPLETE') continue;
    for (const o of s.outputs) if (o.exportName) out[o.exportName] = o.value;
  }
  return out;
}
