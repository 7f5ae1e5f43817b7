import { parseTemplate } from '@/lib/cfn';
import { asDate, type CallContext, type Handlers } from '../context';
import { awsError, stackNotFound, validationError } from '../errors';
import { uuid } from '../ids';
import { page } from '../pagination';
import { findStack, regionOf, type StackRecord, type Tag } from '../state';
import { StagedWorld } from '../world';
import { bindParameters } from './parameters';
import { deleteResources, planDeploy, ssmValue, templateFacts } from './plan';
import { prepareTemplate, requireCapabilities } from './template';
import { timeline } from './timeline';

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
export async function readDefinition(ctx: CallContext, stack: StackRecord | undefined) {
  const { input } = ctx;
  const usePrevious = input.UsePreviousTemplate === true;
  if (usePrevious && !stack) throw validationError('UsePreviousTemplate requires an existing stack.');
  const body: string = usePrevious ? stack!.templateBody : input.TemplateBody;
  const prepared = await prepareTemplate(body, input.TemplateURL);
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

export function planDelete(ctx: CallContext, stack: StackRecord) {
  const tl = timeline(stack, ctx.now());
  tl.stack('DELETE_IN_PROGRESS', 'User Initiated');
  const facts = templateFacts(parseTemplate(stack.templateBody || 'Resources: {}', 'template.yaml'));
  const end = deleteResources(tl, Object.values(stack.resources), tl.now + 1000, facts);
  tl.stack('DELETE_COMPLETE', undefined, end + 1000);
  return tl.steps;
}

function stackShape(s: StackRecord) {
  return {
    StackId: s.stackId,
    StackName: s.stackName,
    ChangeSetId: s.changeSetId,
    Description: s.description,
    Parameters: s.parameters.map((p) => ({
      ParameterKey: p.key,
      ParameterValue: p.noEcho ? '****' : p.value,
      ...(p.resolved !== undefined ? { ResolvedValue: p.resolved } : {}),
    })),
    CreationTime: new Date(s.createdAt),
    LastUpdatedTime: asDate(s.updatedAt),
    DeletionTime: asDate(s.deletedAt),
    StackStatus: s.status,
    StackStatusReason: s.statusReason,
    DisableRollback: s.disableRollback,
    NotificationARNs: [],
    Capabilities: s.capabilities,
    Outputs: s.outputs.map((o) => ({
      OutputKey: o.key,
      OutputValue: o.value,
      Description: o.description,
      ExportName: o.exportName,
    })),
    Tags: s.tags,
    EnableTerminationProtection: s.terminationProtection,
    RollbackConfiguration: {},
    DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export const stackHandlers: Handlers = {
  'CloudFormation.ValidateTemplate': async ({ input }) => {
    const prepared = await prepareTemplate(input.TemplateBody, input.TemplateURL);
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

  'CloudFormation.DescribeStacks': (ctx) => {
    const stacks = ctx.input.StackName
      ? [liveStack(ctx, ctx.input.StackName)]
      : regionOf(ctx.state, ctx.region).stacks.filter((s) => s.status !== 'DELETE_COMPLETE');
    const p = page(stacks, ctx.input, { sizeKey: '-', maxSize: 100 });
    return { Stacks: p.items.map(stackShape), ...p.token };
  },

  'CloudFormation.ListStacks': (ctx) => {
    const filter = ctx.input.StackStatusFilter as string[] | undefined;
    const stacks = regionOf(ctx.state, ctx.region).stacks.filter((s) => !filter?.length || filter.includes(s.status));
    const p = page([...stacks].reverse(), ctx.input, { sizeKey: '-', maxSize: 100 });
    return {
      StackSummaries: p.items.map((s) => ({
        StackId: s.stackId,
        StackName: s.stackName,
        TemplateDescription: s.description,
        CreationTime: new Date(s.createdAt),
        LastUpdatedTime: asDate(s.updatedAt),
        DeletionTime: asDate(s.deletedAt),
        StackStatus: s.status,
        StackStatusReason: s.statusReason,
        DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
      })),
      ...p.token,
    };
  },

  'CloudFormation.DescribeStackEvents': (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    const events = [...stack.events].reverse().map((e) => ({ ...e, Timestamp: new Date(e.Timestamp) }));
    const p = page(events, ctx.input, { sizeKey: '-', maxSize: 100 });
    return { StackEvents: p.items, ...p.token };
  },

  'CloudFormation.DescribeStackResources': (ctx) => {
    const { input } = ctx;
    let stack: StackRecord | undefined;
    if (input.StackName) stack = liveStack(ctx, input.StackName);
    else if (input.PhysicalResourceId)
      stack = regionOf(ctx.state, ctx.region).stacks.find(
        (s) =>
          s.status !== 'DELETE_COMPLETE' &&
          Object.values(s.resources).some((r) => r.physicalId === input.PhysicalResourceId),
      );
    if (!stack)
      throw validationError(
        input.StackName
          ? `Stack with id ${input.StackName} does not exist`
          : `Stack for ${String(input.PhysicalResourceId)} does not exist`,
      );
    const resources = Object.values(stack.resources).filter(
      (r) => !input.LogicalResourceId || r.logicalId === input.LogicalResourceId,
    );
    return { StackResources: resources.map((r) => resourceShape(stack, r)) };
  },

  'CloudFormation.DescribeStackResource': (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    const r = stack.resources[String(ctx.input.LogicalResourceId)];
    if (!r)
      throw validationError(
        `Resource ${String(ctx.input.LogicalResourceId)} does not exist for stack ${stack.stackName}`,
      );
    const { Timestamp, ...rest } = resourceShape(stack, r);
    return { StackResourceDetail: { ...rest, LastUpdatedTimestamp: Timestamp, Metadata: undefined } };
  },

  'CloudFormation.ListStackResources': (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    const p = page(Object.values(stack.resources), ctx.input, { sizeKey: '-', maxSize: 100 });
    return {
      StackResourceSummaries: p.items.map((r) => ({
        LogicalResourceId: r.logicalId,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        LastUpdatedTimestamp: new Date(r.updatedAt),
        ResourceStatus: r.status,
        ResourceStatusReason: r.statusReason,
        DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
      })),
      ...p.token,
    };
  },

  'CloudFormation.GetTemplate': (ctx) => {
    const stack = liveStack(ctx, ctx.input.StackName);
    if (ctx.input.ChangeSetName) {
      const cs = regionOf(ctx.state, ctx.region).changeSets.find(
        (c) =>
          c.stackId === stack.stackId &&
          (c.changeSetName === ctx.input.ChangeSetName || c.changeSetId === ctx.input.ChangeSetName),
      );
      if (!cs)
        throw awsError(
          'ChangeSetNotFoundException',
          `ChangeSet [${String(ctx.input.ChangeSetName)}] does not exist`,
          404,
        );
      return { TemplateBody: cs.templateBody, StagesAvailable: ['Original', 'Processed'] };
    }
    return { TemplateBody: stack.templateBody, StagesAvailable: ['Original', 'Processed'] };
  },

  'CloudFormation.ListExports': (ctx) => {
    const exports = regionOf(ctx.state, ctx.region)
      .stacks.filter((s) => s.status !== 'DELETE_COMPLETE')
      .flatMap((s) =>
        s.outputs
          .filter((o) => o.exportName)
          .map((o) => ({ ExportingStackId: s.stackId, Name: o.exportName, Value: o.value })),
      );
    const p = page(exports, ctx.input, { sizeKey: '-', maxSize: 100 });
    return { Exports: p.items, ...p.token };
  },
};

function resourceShape(stack: StackRecord, r: StackRecord['resources'][string]) {
  return {
    StackName: stack.stackName,
    StackId: stack.stackId,
    LogicalResourceId: r.logicalId,
    PhysicalResourceId: r.physicalId,
    ResourceType: r.type,
    Timestamp: new Date(r.updatedAt),
    ResourceStatus: r.status,
    ResourceStatusReason: r.statusReason,
    DriftInformation: { StackResourceDriftStatus: 'NOT_CHECKED' },
  };
}
