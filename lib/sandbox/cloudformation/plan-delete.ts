/** The delete planner: a stack's resources removed dependents first, retained ones left behind. */
import { dependencyGraph, dependencyOrder, parseTemplate } from '@/lib/cfn';
import type { CallContext } from '../context';
import { modelFor } from '../resources';
import type { StackRecord, StackResourceRecord, Step } from '../state';
import type { PreparedTemplate } from './template';
import { type Timeline, timeline } from './timeline';

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

/** DeleteStack: every resource of the stack, then DELETE_COMPLETE. */
export function planDelete(ctx: CallContext, stack: StackRecord): Step[] {
  const tl = timeline(stack, ctx.now());
  tl.stack('DELETE_IN_PROGRESS', 'User Initiated');
  const facts = templateFacts(parseTemplate(stack.templateBody || 'Resources: {}', 'template.yaml'));
  const end = deleteResources(tl, Object.values(stack.resources), tl.now + 1000, facts);
  tl.stack('DELETE_COMPLETE', undefined, end + 1000);
  return tl.steps;
}
