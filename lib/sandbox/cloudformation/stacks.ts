/** CloudFormation's stack operations: validate, create, update, delete (and the describes, from stack-describe). */
import type { Handlers } from '../context';
import { awsError, validationError } from '../errors';
import { findStack, regionOf } from '../state';
import { planDelete } from './plan-delete';
import { planDeploy } from './plan-deploy';
import { stackDescribeHandlers } from './stack-describe';
import { assertIdle, checkStackName, liveStack, newStack, readDefinition } from './stack-records';
import { prepareTemplate } from './template';
import { readTemplateSource } from './template-url';

export const stackHandlers: Handlers = {
  'CloudFormation.ValidateTemplate': async (ctx) => {
    const { body, from } = readTemplateSource(ctx);
    const prepared = await prepareTemplate(body, from);
    return {
      Parameters: prepared.parameters.map((p) => ({
        ParameterKey: p.name,
        DefaultValue: p.default,
        NoEcho: p.noEcho,
        Description: p.description,
      })),
      Description: prepared.description,
      Capabilities: prepared.capabilities,
      CapabilitiesReason: prepared.capabilitiesReason,
      DeclaredTransforms: [],
    };
  },

  'CloudFormation.CreateStack': async (ctx) => {
    const name = checkStackName(ctx.input.StackName);
    if (findStack(regionOf(ctx.state, ctx.region), name))
      throw awsError('AlreadyExistsException', `Stack [${name}] already exists`);
    const def = await readDefinition(ctx, undefined);
    const stack = newStack(ctx, name, ctx.input, 'CREATE_IN_PROGRESS');
    stack.templateBody = def.body;
    stack.parameters = def.parameters;
    stack.description = def.prepared.description;
    const steps = planDeploy(
      {
        ...ctx,
        stack,
        prepared: def.prepared,
        templateBody: def.body,
        parameters: def.parameters,
        tags: def.tags,
        start: ctx.now(),
      },
      'CREATE',
    );
    await ctx.run(stack, steps);
    return { StackId: stack.stackId };
  },

  'CloudFormation.UpdateStack': async (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    assertIdle(stack, 'updated');
    if (
      !/_COMPLETE$/.test(stack.status) ||
      stack.status === 'ROLLBACK_COMPLETE' ||
      stack.status === 'REVIEW_IN_PROGRESS'
    )
      throw validationError(`Stack:${stack.stackId} is in ${stack.status} state and can not be updated.`);
    const def = await readDefinition(ctx, stack);
    const same =
      def.body === stack.templateBody &&
      JSON.stringify(def.parameters) === JSON.stringify(stack.parameters) &&
      JSON.stringify(def.tags) === JSON.stringify(stack.tags);
    if (same) throw validationError('No updates are to be performed.');
    const steps = planDeploy(
      {
        ...ctx,
        stack,
        prepared: def.prepared,
        templateBody: def.body,
        parameters: def.parameters,
        tags: def.tags,
        start: ctx.now(),
      },
      'UPDATE',
    );
    stack.changeSetId = undefined;
    await ctx.run(stack, steps);
    return { StackId: stack.stackId };
  },

  'CloudFormation.DeleteStack': async (ctx) => {
    const stack =
      typeof ctx.input.StackName === 'string'
        ? findStack(regionOf(ctx.state, ctx.region), ctx.input.StackName)
        : undefined;
    if (!stack || stack.status === 'DELETE_COMPLETE' || stack.status === 'DELETE_IN_PROGRESS') return {};
    if (stack.terminationProtection)
      throw validationError(`Stack [${stack.stackName}] cannot be deleted while TerminationProtection is enabled`);
    assertIdle(stack, 'deleted');
    const region = regionOf(ctx.state, ctx.region);
    region.changeSets = region.changeSets.filter((c) => c.stackId !== stack.stackId);
    await ctx.run(stack, planDelete(ctx, stack));
    return {};
  },

  'CloudFormation.UpdateTerminationProtection': async (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    stack.terminationProtection = ctx.input.EnableTerminationProtection === true;
    await ctx.changed();
    return { StackId: stack.stackId };
  },
  ...stackDescribeHandlers,
};
