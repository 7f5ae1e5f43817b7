/** The read side of CloudFormation: stacks, their events, resources, templates and exports. */
import { asDate, type Handlers } from '../context';
import { awsError, validationError } from '../errors';
import { page } from '../pagination';
import { regionOf, type StackRecord } from '../state';
import { liveStack } from './stack-records';

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

export const stackDescribeHandlers: Handlers = {
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
