import type { CallContext, Handlers } from '../context';
import { awsError, stackNotFound, validationError } from '../errors';
import { uuid } from '../ids';
import { page } from '../pagination';
import { type ChangeSetRecord, findStack, regionOf } from '../state';
import { computeChanges } from './change-set-changes';
import { planDeploy } from './plan-deploy';
import { assertIdle, newStack, readDefinition } from './stack-records';

const NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,127}$/;

function findChangeSet(ctx: CallContext): ChangeSetRecord {
  const { ChangeSetName: name, StackName: stackName } = ctx.input;
  const region = regionOf(ctx.state, ctx.region);
  const cs = region.changeSets.find(
    (c) =>
      c.changeSetId === name ||
      (c.changeSetName === name && (!stackName || c.stackName === stackName || c.stackId === stackName)),
  );
  if (!cs) throw awsError('ChangeSetNotFoundException', `ChangeSet [${String(name)}] does not exist`, 404);
  return cs;
}

export const changeSetHandlers: Handlers = {
  'CloudFormation.CreateChangeSet': async (ctx) => {
    const { input } = ctx;
    if (typeof input.ChangeSetName !== 'string' || !NAME.test(input.ChangeSetName))
      throw validationError(
        `1 validation error detected: Value '${String(input.ChangeSetName)}' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*`,
      );
    const region = regionOf(ctx.state, ctx.region);
    const type = (input.ChangeSetType ?? 'UPDATE') as 'CREATE' | 'UPDATE';
    let stack = findStack(region, String(input.StackName));
    if (type === 'CREATE') {
      if (stack && stack.status !== 'REVIEW_IN_PROGRESS')
        throw awsError(
          'AlreadyExistsException',
          `Stack [${stack.stackName}] already exists and cannot be created again with the changeSet [${input.ChangeSetName}].`,
        );
    } else if (!stack) throw stackNotFound(String(input.StackName));
    else assertIdle(stack, 'updated');
    if (region.changeSets.some((c) => c.changeSetName === input.ChangeSetName && c.stackName === input.StackName))
      throw awsError('AlreadyExistsException', `ChangeSet ${input.ChangeSetName} already exists`);
    const def = await readDefinition(ctx, type === 'UPDATE' ? stack : undefined);
    stack ??= newStack(ctx, String(input.StackName), input, 'REVIEW_IN_PROGRESS');
    const changes = computeChanges(ctx, stack, def.prepared, def.parameters);
    const cs: ChangeSetRecord = {
      changeSetId: `arn:aws:cloudformation:${ctx.region}:${ctx.state.accountId}:changeSet/${input.ChangeSetName}/${uuid()}`,
      changeSetName: input.ChangeSetName,
      stackId: stack.stackId,
      stackName: stack.stackName,
      changeSetType: type,
      status: 'CREATE_COMPLETE',
      executionStatus: 'AVAILABLE',
      description: input.Description,
      createdAt: new Date(ctx.now()).toISOString(),
      templateBody: def.body,
      parameters: def.parameters,
      tags: def.tags,
      capabilities: (input.Capabilities as string[] | undefined) ?? [],
      changes,
    };
    const noChange = type === 'UPDATE' && !changes.length && JSON.stringify(def.tags) === JSON.stringify(stack.tags);
    if (noChange) {
      cs.status = 'FAILED';
      cs.executionStatus = 'UNAVAILABLE';
      cs.statusReason =
        "The submitted information didn't contain changes. Submit different information to create a change set.";
    }
    region.changeSets.push(cs);
    await ctx.changed();
    return { Id: cs.changeSetId, StackId: stack.stackId };
  },

  'CloudFormation.DescribeChangeSet': (ctx) => {
    const cs = findChangeSet(ctx);
    const p = page(cs.changes, ctx.input, { sizeKey: '-', maxSize: 100 });
    return {
      ChangeSetName: cs.changeSetName,
      ChangeSetId: cs.changeSetId,
      StackId: cs.stackId,
      StackName: cs.stackName,
      Description: cs.description,
      Parameters: cs.parameters.map((x) => ({
        ParameterKey: x.key,
        ParameterValue: x.noEcho ? '****' : x.value,
        ResolvedValue: x.resolved,
      })),
      CreationTime: new Date(cs.createdAt),
      ExecutionStatus: cs.executionStatus,
      Status: cs.status,
      StatusReason: cs.statusReason,
      NotificationARNs: [],
      RollbackConfiguration: {},
      Capabilities: cs.capabilities,
      Tags: cs.tags,
      Changes: p.items,
      IncludeNestedStacks: false,
      ...p.token,
    };
  },

  'CloudFormation.ListChangeSets': (ctx) => {
    const region = regionOf(ctx.state, ctx.region);
    const list = region.changeSets.filter(
      (c) => c.stackName === ctx.input.StackName || c.stackId === ctx.input.StackName,
    );
    return {
      Summaries: list.map((c) => ({
        StackId: c.stackId,
        StackName: c.stackName,
        ChangeSetId: c.changeSetId,
        ChangeSetName: c.changeSetName,
        ExecutionStatus: c.executionStatus,
        Status: c.status,
        StatusReason: c.statusReason,
        CreationTime: new Date(c.createdAt),
        Description: c.description,
      })),
    };
  },

  'CloudFormation.ExecuteChangeSet': async (ctx) => {
    const cs = findChangeSet(ctx);
    if (cs.executionStatus !== 'AVAILABLE')
      throw awsError(
        'InvalidChangeSetStatusException',
        `ChangeSet [${cs.changeSetId}] cannot be executed in its current execution status of [${cs.executionStatus}]`,
      );
    const region = regionOf(ctx.state, ctx.region);
    const stack = region.stacks.find((s) => s.stackId === cs.stackId)!;
    assertIdle(stack, 'updated');
    const input = { ...ctx.input, Capabilities: cs.capabilities };
    const def = await readDefinition(
      {
        ...ctx,
        input: { ...input, Parameters: cs.parameters.map((p) => ({ ParameterKey: p.key, ParameterValue: p.value })) },
      },
      stack,
      // The template the change set was made from (TemplateBody or TemplateURL): not read, nor limited, again.
      { body: cs.templateBody, from: 'stored' },
    );
    if (ctx.input.DisableRollback !== undefined) stack.disableRollback = ctx.input.DisableRollback === true;
    const kind = cs.changeSetType === 'CREATE' ? 'CREATE' : 'UPDATE';
    if (kind === 'CREATE') {
      stack.templateBody = def.body;
      stack.parameters = def.parameters;
      stack.description = def.prepared.description;
      stack.tags = cs.tags;
    }
    stack.changeSetId = cs.changeSetId;
    cs.executionStatus = 'EXECUTE_COMPLETE';
    // Executing one change set makes the stack's other change sets obsolete; AWS removes them.
    region.changeSets = region.changeSets.filter((c) => c.stackId !== stack.stackId);
    const steps = planDeploy(
      {
        ...ctx,
        stack,
        prepared: def.prepared,
        templateBody: def.body,
        parameters: def.parameters,
        tags: cs.tags,
        start: ctx.now(),
      },
      kind,
    );
    await ctx.run(stack, steps);
    return {};
  },

  'CloudFormation.DeleteChangeSet': async (ctx) => {
    const cs = findChangeSet(ctx);
    if (cs.executionStatus === 'EXECUTE_IN_PROGRESS')
      throw awsError(
        'InvalidChangeSetStatusException',
        `ChangeSet [${cs.changeSetId}] cannot be deleted in its current status`,
      );
    const region = regionOf(ctx.state, ctx.region);
    region.changeSets = region.changeSets.filter((c) => c !== cs);
    const stack = region.stacks.find((s) => s.stackId === cs.stackId);
    // A stack that only ever had this CREATE change set goes away with it.
    if (stack?.status === 'REVIEW_IN_PROGRESS' && !region.changeSets.some((c) => c.stackId === stack.stackId)) {
      stack.status = 'DELETE_COMPLETE';
      stack.deletedAt = new Date(ctx.now()).toISOString();
    }
    await ctx.changed();
    return {};
  },
};
