/** The create / update planner: each resource made on the simulated timeline as soon as what it needs exists. */
import { dependencyGraph, parseTemplate, type Resolver } from '@/lib/cfn';
import { ResourceFailure } from '../errors';
import { authorizeHandler } from '../iam/handlers';
import { uuid } from '../ids';
import { modelFor } from '../resources';
import { checkRules } from '../rules';
import { type ResourceRecord, resourceKey, type Step, type Tag } from '../state';
import { StagedWorld } from '../world';
import { deleteResources, templateFacts } from './plan-delete';
import { type Done, rollback } from './plan-rollback';
import { changedProperties, replaces } from './replacement';
import { type DeployInput, type Known, resolverFor } from './resolve';
import { timeline } from './timeline';

const SERVICE_NAMES: Record<string, string> = {
  EC2: 'Ec2',
  RDS: 'Rds',
  ElasticLoadBalancingV2: 'ElasticLoadBalancingV2',
  IAM: 'Iam',
  SQS: 'Sqs',
  DynamoDB: 'DynamoDb',
};

function handlerMessage(type: string, err: unknown): string {
  if (err instanceof ResourceFailure) {
    const service = type.split('::')[1] ?? 'Unknown';
    const { wording = 'sdk', status = 400 } = err.wording;
    const handlerCode =
      err.wording.handlerCode ??
      (/NotFound/.test(err.code)
        ? 'NotFound'
        : /Duplicate|AlreadyExists|InUse/.test(err.code)
          ? 'AlreadyExists'
          : /LimitExceeded/.test(err.code)
            ? 'ServiceLimitExceeded'
            : 'InvalidRequest');
    if (err.message.startsWith('Template error') || wording === 'legacy') return err.message;
    if (wording === 'handler')
      return `Resource handler returned message: "${err.message}" (HandlerErrorCode: ${handlerCode})`;
    return `Resource handler returned message: "${err.message} (Service: ${SERVICE_NAMES[service] ?? service}, Status Code: ${status}, Request ID: ${uuid()})" (HandlerErrorCode: ${handlerCode})`;
  }
  return `Template error: ${(err as Error).message}`;
}

/** Stack tags plus the ones CloudFormation adds to every resource it creates. */
function resourceTags(input: DeployInput, logicalId: string, own: Tag[]): Tag[] {
  const { stack } = input;
  const system = [
    { Key: 'aws:cloudformation:stack-name', Value: stack.stackName },
    { Key: 'aws:cloudformation:stack-id', Value: stack.stackId },
    { Key: 'aws:cloudformation:logical-id', Value: logicalId },
  ];
  const merged = new Map<string, string>();
  for (const t of [...input.tags, ...own, ...system]) merged.set(t.Key, t.Value);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

/**
 * Plan a create or an update: every resource in dependency order, started as soon as what it needs is complete,
 * its events placed on the simulated timeline. A failure stops what has not started and rolls back what was done.
 */
export function planDeploy(input: DeployInput, kind: 'CREATE' | 'UPDATE'): Step[] {
  const { state, region, stack, prepared } = input;
  const world = new StagedWorld(state, region);
  const tl = timeline(stack, input.start);
  const known: Known = new Map();
  const old = kind === 'UPDATE' ? { ...stack.resources } : {};
  for (const [id, r] of Object.entries(old)) {
    const rec = r.key ? state.regions[region]?.resources[r.key] : undefined;
    if (rec) known.set(id, { ref: rec.ref, attrs: rec.attrs });
  }
  tl.stack(`${kind}_IN_PROGRESS`, 'User Initiated');
  const resolver = resolverFor(input, known, world);
  const needs = dependencyGraph(prepared.template).needs;
  const t0 = tl.now + 1000;
  const finished = new Map<string, number>();
  const done: Done[] = [];
  const failures: { logicalId: string; at: number; type: string }[] = [];
  let failedAt = Number.POSITIVE_INFINITY;
  const verb = kind === 'CREATE' ? 'CREATE' : 'UPDATE';

  for (const id of resolver.dependencyOrder) {
    const deps = (needs.get(id) ?? []).map((n) => n.name).filter((n) => resolver.dependencyOrder.includes(n));
    if (deps.some((d) => !finished.has(d))) continue; // something it needs failed or never started
    const startAt = Math.max(t0, ...deps.map((d) => finished.get(d)!));
    if (startAt >= failedAt) continue;
    const decl = prepared.template.resources.find((r) => r.logicalId === id)!;
    const type = decl.type ?? '';
    const previous = old[id]?.key ? state.regions[region]?.resources[old[id].key] : undefined;
    const model = modelFor(type);
    const fail = (message: string, initiated: boolean, physicalId = '') => {
      const event = previous && kind === 'UPDATE' ? 'UPDATE' : 'CREATE';
      tl.resource(startAt, id, type, `${event}_IN_PROGRESS`, undefined, physicalId);
      if (initiated)
        tl.resource(startAt + 1000, id, type, `${event}_IN_PROGRESS`, 'Resource creation Initiated', physicalId);
      const at = startAt + 2000;
      tl.resource(at, id, type, `${event}_FAILED`, message, physicalId);
      failures.push({ logicalId: id, at, type });
      failedAt = Math.min(failedAt, at);
    };
    if (!model) {
      fail(
        `Resource type ${type} is not supported by the ScaleLab sandbox (it simulates the types the labs use).`,
        false,
      );
      continue;
    }
    const problems = prepared.resourceProblems.get(id);
    if (problems?.length) {
      fail(
        `Properties validation failed for resource ${id} with message:\n${problems.map((p) => `#: ${p}`).join('\n')}`,
        false,
      );
      continue;
    }
    let props: Record<string, unknown>;
    try {
      props = resolver.resource(id)?.properties ?? {};
    } catch (err) {
      fail(handlerMessage(type, err), false);
      continue;
    }
    const changed = previous ? changedProperties(previous.props, props) : [];
    const tagsChanged = previous && JSON.stringify(previous.props.Tags) !== JSON.stringify(props.Tags);
    if (previous && previous.type === type && !changed.length && !tagsChanged) {
      finished.set(id, t0);
      continue;
    }
    const replace = previous ? previous.type !== type || replaces(input.prepared, type, changed) : false;
    const ctx = {
      world,
      accountId: state.accountId,
      region,
      stackName: stack.stackName,
      logicalId: id,
      props,
      existing: replace ? undefined : previous,
    };
    let made: ReturnType<typeof model.make>;
    try {
      // lib/sandbox/iam: the deploying role's permissions for this resource's handler actions
      authorizeHandler({
        ...input,
        stackName: stack.stackName,
        type,
        logicalId: id,
        props,
        stackTags: input.tags,
        previous,
        replace,
      });
      checkRules(type, ctx); // lib/sandbox/rules: what AWS refuses beyond the schema
      made = model.make(ctx);
      if (replace && previous && made.physicalId === previous.physicalId)
        throw new ResourceFailure(
          `CloudFormation cannot update a stack when a custom-named resource requires replacing. Rename ${made.physicalId} and update the stack again.`,
        );
    } catch (err) {
      fail(handlerMessage(type, err), true, previous?.physicalId);
      continue;
    }
    const seconds = previous && !replace ? Math.max(2, Math.round(model.seconds / 3)) : model.seconds;
    const finishAt = startAt + seconds * 1000;
    const key = resourceKey(type, made.physicalId);
    const record: ResourceRecord = {
      type,
      physicalId: made.physicalId,
      ref: made.ref ?? made.physicalId,
      region,
      props,
      attrs: made.attrs ?? {},
      tags: resourceTags(input, id, props.Tags === undefined ? [] : tagsFrom(props.Tags)),
      createdAt: previous && !replace ? previous.createdAt : new Date(finishAt).toISOString(),
      stack: { stackId: stack.stackId, stackName: stack.stackName, logicalId: id },
    };
    const children = (made.children ?? []).map((c) => ({
      ...c,
      ref: c.ref ?? c.physicalId,
      region: c.region ?? region,
      createdAt: new Date(finishAt).toISOString(),
      parent: key,
    }));
    if (previous && !replace) world.remove(region, resourceKey(previous.type, previous.physicalId));
    world.put(record);
    for (const c of children) world.put(c);
    known.set(id, { ref: record.ref, attrs: record.attrs });
    finished.set(id, finishAt);
    const action = previous ? (replace ? 'replace' : 'update') : 'create';
    done.push({ logicalId: id, type, action, record, previous, finishAt });
    const ev = action === 'create' ? verb : 'UPDATE';
    if (action === 'replace') {
      tl.resource(
        startAt,
        id,
        type,
        'UPDATE_IN_PROGRESS',
        'Requested update requires the creation of a new physical resource; hence creating one.',
        previous?.physicalId,
      );
      tl.resource(startAt + 1000, id, type, 'UPDATE_IN_PROGRESS', 'Resource creation Initiated', made.physicalId);
    } else {
      tl.resource(startAt, id, type, `${ev}_IN_PROGRESS`, undefined, previous?.physicalId ?? '');
      if (action === 'create')
        tl.resource(startAt + 1000, id, type, `${ev}_IN_PROGRESS`, 'Resource creation Initiated', made.physicalId);
    }
    tl.complete(finishAt, id, type, `${ev}_COMPLETE`, record, children, action === 'update' ? previous : undefined);
  }

  if (failures.length) return rollback(input, kind, tl, done, failures, failedAt);
  let outputs: ReturnType<Resolver['outputs']>;
  try {
    outputs = resolver.outputs();
  } catch (err) {
    const at = Math.max(t0, ...done.map((d) => d.finishAt));
    return rollback(
      input,
      kind,
      tl,
      done,
      [{ logicalId: stack.stackName, at, type: 'AWS::CloudFormation::Stack' }],
      at,
      (err as Error).message,
    );
  }
  const end = Math.max(t0, ...done.map((d) => d.finishAt)) + 1000;
  const outputRecords = Object.entries(outputs).map(([key, o]) => ({
    key,
    value: Array.isArray(o.value) ? o.value.join(',') : String(o.value),
    description: o.description,
    exportName: o.exportName,
  }));
  tl.at(end, {
    outputs: outputRecords,
    definition: {
      templateBody: input.templateBody,
      parameters: input.parameters,
      tags: input.tags,
      description: prepared.description,
    },
  });
  if (kind === 'CREATE') {
    tl.stack('CREATE_COMPLETE', undefined, end);
    return tl.steps;
  }
  // Cleanup: what the new template dropped, and the old copies of replaced resources.
  tl.stack('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', undefined, end);
  let t = end + 1000;
  for (const d of done.filter((x) => x.action === 'replace').reverse()) {
    tl.event(t, d.logicalId, d.type, 'DELETE_IN_PROGRESS', d.previous!.physicalId);
    tl.removeRecord(t + 2000, d.logicalId, d.type, resourceKey(d.type, d.previous!.physicalId), false);
    t += 3000;
  }
  const dropped = Object.values(old).filter((r) => !resolver.dependencyOrder.includes(r.logicalId));
  t = deleteResources(tl, dropped, t, templateFacts(parseTemplate(stack.templateBody, 'template.yaml')));
  tl.stack('UPDATE_COMPLETE', undefined, t + 1000);
  return tl.steps;
}

function tagsFrom(value: unknown): Tag[] {
  if (Array.isArray(value)) return value.map((x) => ({ Key: String(x?.Key), Value: String(x?.Value ?? '') }));
  if (value && typeof value === 'object')
    return Object.entries(value).map(([Key, Value]) => ({ Key, Value: String(Value) }));
  return [];
}
