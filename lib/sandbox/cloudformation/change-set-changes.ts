/** A change set's changes: Add / Modify / Remove per resource, each Modify classified by its replacement. */
import type { Change } from '@aws-sdk/client-cloudformation';
import { dependencyGraph } from '@/lib/cfn';
import type { CallContext } from '../context';
import { regionOf, type StackRecord } from '../state';
import { changedProperties, recreationOf, replacementOf } from './replacement';
import { type Known, resolverFor, UNKNOWN } from './resolve';
import type { PreparedTemplate } from './template';

/** What executing the change set would do, resource by resource, with the spec's replacement behaviour. */
export function computeChanges(
  ctx: CallContext,
  stack: StackRecord,
  prepared: PreparedTemplate,
  parameters: StackRecord['parameters'],
): Change[] {
  const known: Known = new Map();
  const records = regionOf(ctx.state, ctx.region).resources;
  for (const [id, r] of Object.entries(stack.resources)) {
    const rec = r.key ? records[r.key] : undefined;
    if (rec) known.set(id, { ref: rec.ref, attrs: rec.attrs });
  }
  const resolver = resolverFor({ ...ctx, stack, prepared, templateBody: '', parameters, tags: [], start: 0 }, known);
  const needs = dependencyGraph(prepared.template).needs;
  const changes: Change[] = [];
  for (const id of resolver.dependencyOrder) {
    const type = prepared.template.resources.find((r) => r.logicalId === id)?.type ?? '';
    const old = stack.resources[id];
    const previous = old?.key ? records[old.key] : undefined;
    if (!old || !previous) {
      known.set(id, 'unknown');
      changes.push({
        Type: 'Resource',
        ResourceChange: { Action: 'Add', LogicalResourceId: id, ResourceType: type, Scope: [], Details: [] },
      });
      continue;
    }
    const props = resolver.resource(id)?.properties ?? {};
    const changed = changedProperties(previous.props, props);
    const tagsChanged = JSON.stringify(previous.props.Tags) !== JSON.stringify(props.Tags);
    if (!changed.length && !tagsChanged) continue;
    const paramNames = new Set(parameters.map((p) => p.key));
    const refsOf = (needs.get(id) ?? []).map((n) => n.name);
    const details = changed.map((name) => {
      const dynamic = JSON.stringify(props[name] ?? null).includes(UNKNOWN);
      const recreation = recreationOf(prepared, type, name);
      const source = dynamic
        ? 'ResourceReference'
        : paramNames.size && mentionsParameter(prepared, id, name, paramNames)
          ? 'ParameterReference'
          : 'DirectModification';
      return {
        Target: {
          Attribute: 'Properties' as const,
          Name: name,
          RequiresRecreation: recreation,
        },
        Evaluation: (dynamic ? 'Dynamic' : 'Static') as 'Dynamic' | 'Static',
        ChangeSource: source as 'ResourceReference' | 'ParameterReference' | 'DirectModification',
        ...(dynamic ? { CausingEntity: refsOf.find((ref) => known.get(ref) === 'unknown') } : {}),
      };
    });
    if (tagsChanged)
      details.push({
        Target: { Attribute: 'Tags' as never, Name: undefined as never, RequiresRecreation: 'Never' },
        Evaluation: 'Static',
        ChangeSource: 'DirectModification',
      });
    const replacement = replacementOf(details);
    if (replacement !== 'False') known.set(id, 'unknown');
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Modify',
        LogicalResourceId: id,
        PhysicalResourceId: previous.physicalId,
        ResourceType: type,
        Replacement: replacement,
        Scope: [...(changed.length ? ['Properties' as const] : []), ...(tagsChanged ? ['Tags' as const] : [])],
        Details: details,
      },
    });
  }
  for (const [id, r] of Object.entries(stack.resources)) {
    if (resolver.dependencyOrder.includes(id)) continue;
    changes.push({
      Type: 'Resource',
      ResourceChange: {
        Action: 'Remove',
        LogicalResourceId: id,
        PhysicalResourceId: r.physicalId,
        ResourceType: r.type,
        Scope: [],
        Details: [],
      },
    });
  }
  return changes;
}

/** Is a property written in terms of a parameter (`!Ref InstanceType`)? */
function mentionsParameter(
  prepared: PreparedTemplate,
  logicalId: string,
  property: string,
  params: Set<string>,
): boolean {
  const decl = prepared.template.resources.find((r) => r.logicalId === logicalId);
  const node = decl?.properties?.entries.find((e) => e.key === property)?.value;
  const text = JSON.stringify(node ?? null);
  return [...params].some((p) => text.includes(`"${p}"`));
}
