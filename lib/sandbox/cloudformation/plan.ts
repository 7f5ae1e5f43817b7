import { createResolver, dependencyGraph, dependencyOrder, parseTemplate, type Resolver } from '@/lib/cfn';
import { ResourceFailure } from '../errors';
import { uuid } from '../ids';
import { availabilityZones, publicParameter } from '../regions';
import { modelFor } from '../resources';
import type { ResourceRecord, SandboxState, StackRecord, StackResourceRecord, Step, Tag } from '../state';
import { resourceKey } from '../state';
import { StagedWorld } from '../world';
import { parameterValues } from './parameters';
import type { PreparedTemplate } from './template';
import { type Timeline, timeline } from './timeline';

export interface DeployInput {
  state: SandboxState;
  region: string;
  stack: StackRecord;
  prepared: PreparedTemplate;
  templateBody: string;
  parameters: StackRecord['parameters'];
  tags: Tag[];
  start: number;
}

interface Done {
  logicalId: string;
  type: string;
  action: 'create' | 'update' | 'replace';
  record: ResourceRecord;
  previous?: ResourceRecord;
  finishAt: number;
}

/** Values known for resources of the stack (what Ref and GetAtt give), for the resolver. */
type Known = Map<string, { ref: string; attrs: Record<string, unknown> } | 'unknown'>;

export const UNKNOWN = '{{sandbox:known-after-deploy}}';

export function resolverFor(input: DeployInput, known: Known): Resolver {
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
        : service.startsWith('secretsmanager')
          ? 'SandboxSecret-1234'
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

/** A parameter in Parameter Store: AWS's public ones, or one a stack made. */
export function ssmValue(state: SandboxState, region: string, name: string): string | undefined {
  const own = Object.values(state.regions[region]?.resources ?? {}).find(
    (r) => r.type === 'AWS::SSM::Parameter' && r.physicalId === name,
  );
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

const SERVICE_NAMES: Record<string, string> = {
  EC2: 'Ec2',
  RDS: 'Rds',
  ElasticLoadBalancingV2: 'ElasticLoadBalancingV2',
};

function handlerMessage(type: string, err: unknown): string {
  if (err instanceof ResourceFailure) {
    const service = type.split('::')[1] ?? 'Unknown';
    const handlerCode = /NotFound/.test(err.code)
      ? 'NotFound'
      : /Duplicate|AlreadyExists|InUse/.test(err.code)
        ? 'AlreadyExists'
        : 'InvalidRequest';
    if (err.message.startsWith('Template error')) return err.message;
    return `Resource handler returned message: "${err.message} (Service: ${SERVICE_NAMES[service] ?? service}, Status Code: 400, Request ID: ${uuid()})" (HandlerErrorCode: ${handlerCode})`;
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

/** Does a changed property replace the resource? The spec says yes / no / maybe; the sandbox answers the maybes. */
function replaces(input: DeployInput, type: string, changed: string[]): boolean {
  return changed.some((p) => {
    const r = input.prepared.spec.replacement(type, p);
    if (r === 'yes') return true;
    if (r === 'no') return false;
    return !MAYBE_IN_PLACE.has(`${type}.${p}`);
  });
}

/** Conditional replacements that happen in place in the cases the labs use (an EBS-backed instance resized, ...). */
const MAYBE_IN_PLACE = new Set([
  'AWS::EC2::Instance.InstanceType',
  'AWS::EC2::Instance.SecurityGroupIds',
  'AWS::EC2::Instance.UserData',
  'AWS::RDS::DBInstance.DBInstanceClass',
  'AWS::RDS::DBInstance.AllocatedStorage',
  'AWS::RDS::DBInstance.MultiAZ',
  'AWS::RDS::DBInstance.EngineVersion',
  'AWS::ElastiCache::ReplicationGroup.CacheNodeType',
  'AWS::ElastiCache::ReplicationGroup.NumCacheClusters',
]);

export function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'Tags' && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
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
  const resolver = resolverFor(input, known);
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
    const replace = previous ? previous.type !== type || replaces(input, type, changed) : false;
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

function rollback(
  input: DeployInput,
  kind: 'CREATE' | 'UPDATE',
  tl: Timeline,
  done: Done[],
  failures: { logicalId: string; at: number; type: string }[],
  failedAt: number,
  outputError?: string,
): Step[] {
  // What was still being created when the first failure happened is cancelled.
  for (const d of done.filter((x) => x.finishAt > failedAt)) {
    tl.cancel(
      failedAt,
      d.logicalId,
      d.type,
      d.action === 'create' ? 'CREATE_FAILED' : 'UPDATE_FAILED',
      d.action === 'create' ? 'Resource creation cancelled' : 'Resource update cancelled',
    );
  }
  const completed = done.filter((x) => x.finishAt <= failedAt);
  const names = failures.map((f) => f.logicalId).join(', ');
  const reason =
    outputError ?? `The following resource(s) failed to ${kind === 'CREATE' ? 'create' : 'update'}: [${names}]. `;
  let t = failedAt + 1000;
  if (kind === 'CREATE') {
    if (input.stack.disableRollback) {
      tl.stack('CREATE_FAILED', reason, t);
      return tl.steps;
    }
    tl.stack('ROLLBACK_IN_PROGRESS', `${reason}Rollback requested by user.`, t);
    const created = completed.map(
      (d) =>
        ({
          logicalId: d.logicalId,
          type: d.type,
          physicalId: d.record.physicalId,
          key: resourceKey(d.type, d.record.physicalId),
        }) as StackResourceRecord,
    );
    const failedOnes = failures
      .filter((f) => f.type !== 'AWS::CloudFormation::Stack')
      .map(
        (f) =>
          ({ logicalId: f.logicalId, type: f.type, status: 'CREATE_FAILED', updatedAt: '' }) as StackResourceRecord,
      );
    t = deleteResources(tl, [...created, ...failedOnes], t + 1000, templateFacts(input.prepared.template), true);
    tl.stack('ROLLBACK_COMPLETE', undefined, t + 1000);
    return tl.steps;
  }
  tl.stack('UPDATE_ROLLBACK_IN_PROGRESS', reason, t);
  t += 1000;
  for (const d of [...completed].reverse()) {
    if (d.action === 'update' && d.previous) {
      tl.resource(t, d.logicalId, d.type, 'UPDATE_IN_PROGRESS', undefined, d.record.physicalId);
      tl.complete(
        t + 2000,
        d.logicalId,
        d.type,
        'UPDATE_COMPLETE',
        d.previous,
        childrenInState(input, d.previous),
        d.record,
      );
      t += 3000;
    } else if (d.action === 'replace' && d.previous) {
      tl.complete(t, d.logicalId, d.type, 'UPDATE_COMPLETE', d.previous, childrenInState(input, d.previous), undefined);
      t += 1000;
    }
  }
  tl.stack('UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', undefined, t);
  t += 1000;
  for (const d of [...completed].reverse()) {
    if (d.action === 'update') continue;
    if (d.action === 'replace') tl.event(t, d.logicalId, d.type, 'DELETE_IN_PROGRESS', d.record.physicalId);
    else tl.resource(t, d.logicalId, d.type, 'DELETE_IN_PROGRESS', undefined, d.record.physicalId);
    tl.removeRecord(t + 2000, d.logicalId, d.type, resourceKey(d.type, d.record.physicalId), d.action === 'create');
    t += 3000;
  }
  tl.at(t, {
    definition: {
      templateBody: input.stack.templateBody,
      parameters: input.stack.parameters,
      tags: input.stack.tags,
      description: input.stack.description,
    },
  });
  tl.stack('UPDATE_ROLLBACK_COMPLETE', undefined, t + 1000);
  return tl.steps;
}

/** What deleting needs to know of a template: creation order and which resources are retained. */
export interface TemplateFacts {
  order: string[];
  retain: Set<string>;
}

export function templateFacts(template: PreparedTemplate['template']): TemplateFacts {
  const order = dependencyOrder(dependencyGraph(template));
  const retain = new Set(
    template.resources
      .filter((r) => {
        const policy = r.node.entries.find((e) => e.key === 'DeletionPolicy')?.value;
        return policy?.kind === 'scalar' && /^Retain/.test(String(policy.value));
      })
      .map((r) => r.logicalId),
  );
  return { order, retain };
}

/** Delete stack resources, dependents first (reverse creation order); returns when the last is gone. */
export function deleteResources(
  tl: Timeline,
  resources: StackResourceRecord[],
  start: number,
  facts: TemplateFacts,
  rollingBack = false,
): number {
  let t = start;
  const index = (id: string) => {
    const i = facts.order.indexOf(id);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  const ordered = [...resources].sort((a, b) => index(b.logicalId) - index(a.logicalId));
  for (const r of ordered) {
    if (!r.physicalId && !r.key) {
      // It never got a physical resource (it failed to create): nothing to delete.
      tl.removeRecord(t, r.logicalId, r.type, undefined, true, '');
      continue;
    }
    if (facts.retain.has(r.logicalId) && !rollingBack) {
      tl.resource(t, r.logicalId, r.type, 'DELETE_SKIPPED', undefined, r.physicalId ?? '');
      tl.at(t, { stackResource: { logicalId: r.logicalId }, detach: r.key });
      t += 500;
      continue;
    }
    tl.resource(t, r.logicalId, r.type, 'DELETE_IN_PROGRESS', undefined, r.physicalId ?? '');
    const seconds = Math.max(1, Math.round((modelFor(r.type)?.seconds ?? 3) / 4));
    t += seconds * 1000;
    tl.removeRecord(t, r.logicalId, r.type, r.key, true, r.physicalId);
  }
  return t;
}

function childrenInState(input: DeployInput, record: ResourceRecord): ResourceRecord[] {
  const key = resourceKey(record.type, record.physicalId);
  return Object.values(input.state.regions).flatMap((r) => Object.values(r.resources).filter((x) => x.parent === key));
}
