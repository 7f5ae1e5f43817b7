/** Stack records: names checked, found and created as CloudFormation does; a definition read and checked. */
import type { CallContext } from '../context';
import { stackNotFound, validationError } from '../errors';
import { uuid } from '../ids';
import { findStack, regionOf, type StackRecord, type Tag } from '../state';
import { StagedWorld } from '../world';
import { bindParameters } from './parameters';
import { ssmValue } from './resolve';
import { prepareTemplate, requireCapabilities } from './template';
import { readTemplateSource, type TemplateSource } from './template-url';

const STACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

export function checkStackName(name: unknown): string {
  if (typeof name !== 'string' || !STACK_NAME.test(name))
    throw validationError(
      `1 validation error detected: Value '${String(name)}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`,
    );
  return name;
}

export function liveStack(ctx: CallContext, name: unknown): StackRecord {
  const stack = typeof name === 'string' ? findStack(regionOf(ctx.state, ctx.region), name) : undefined;
  if (!stack) throw stackNotFound(String(name));
  return stack;
}

export const tagsIn = (tags: unknown): Tag[] =>
  Array.isArray(tags) ? tags.map((t) => ({ Key: String(t.Key), Value: String(t.Value ?? '') })) : [];

export function newStack(ctx: CallContext, name: string, input: CallContext['input'], status: string): StackRecord {
  const stack: StackRecord = {
    stackId: `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:stack/${name}/${uuid()}`,
    stackName: name,
    status,
    createdAt: new Date(ctx.now()).toISOString(),
    templateBody: '',
    parameters: [],
    tags: tagsIn(input.Tags),
    outputs: [],
    capabilities: (input.Capabilities as string[] | undefined) ?? [],
    disableRollback: input.DisableRollback === true || input.OnFailure === 'DO_NOTHING',
    terminationProtection: input.EnableTerminationProtection === true,
    resources: {},
    events: [],
    pending: [],
  };
  regionOf(ctx.state, ctx.region).stacks.push(stack);
  return stack;
}

/** Template + parameters + capabilities, checked the way CreateStack / UpdateStack / CreateChangeSet check them. */
export async function readDefinition(ctx: CallContext, stack: StackRecord | undefined, source?: TemplateSource) {
  const { input } = ctx;
  const { body, from } = source ?? readTemplateSource(ctx, stack);
  const prepared = await prepareTemplate(body, from);
  requireCapabilities(prepared, input.Capabilities);
  const world = new StagedWorld(ctx.state, ctx.region);
  const parameters = bindParameters(prepared.parameters, input.Parameters, stack?.parameters, {
    ssm: (name) => ssmValue(ctx.state, ctx.region, name),
    world,
  });
  return { body, prepared, parameters, tags: input.Tags === undefined && stack ? stack.tags : tagsIn(input.Tags) };
}

export function assertIdle(stack: StackRecord, action: 'updated' | 'deleted') {
  // REVIEW_IN_PROGRESS is a stack waiting for its first change set: it may be executed or deleted.
  if (stack.pending.length || (/_IN_PROGRESS$/.test(stack.status) && stack.status !== 'REVIEW_IN_PROGRESS'))
    throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be ${action}.`);
}
