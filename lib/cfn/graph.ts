/** Which resource needs which: edges from Ref, GetAtt, Sub and DependsOn; a creation order; the cycles. */
import { referencedNames } from './refs';
import type { NamedRef, ResourceDecl, Template } from './types';

export interface DependencyGraph {
  /** logical id → the resources it needs first (each with where the need is written). */
  needs: Map<string, NamedRef[]>;
}

export function dependencyGraph(template: Template): DependencyGraph {
  const ids = new Set(template.resources.map((r) => r.logicalId));
  const needs = new Map<string, NamedRef[]>();
  for (const resource of template.resources) {
    const direct = [...referencedNames(resource.properties), ...resource.dependsOn, ...attributeRefs(resource)];
    const seen = new Set<string>();
    needs.set(
      resource.logicalId,
      direct.filter((r) => ids.has(r.name) && !seen.has(r.name) && seen.add(r.name)),
    );
  }
  return { needs };
}

function attributeRefs(resource: ResourceDecl): NamedRef[] {
  const out: NamedRef[] = [];
  for (const key of ['Metadata', 'CreationPolicy', 'UpdatePolicy']) {
    const e = resource.node.entries.find((x) => x.key === key);
    if (e) out.push(...referencedNames(e.value));
  }
  return out;
}

/** Strongly connected components with more than one member, or a member that needs itself (Tarjan). */
export function cycles(graph: DependencyGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const { name: w } of graph.needs.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = graph.needs.get(v)?.some((n) => n.name === v);
      if (component.length > 1 || selfLoop) out.push(component.reverse());
    }
  };
  for (const v of graph.needs.keys()) if (!index.has(v)) visit(v);
  return out;
}

/**
 * Resources in an order in which each comes after everything it needs; ties keep the template's order. Resources on a
 * cycle come last, in template order.
 */
export function dependencyOrder(graph: DependencyGraph, only?: Set<string>): string[] {
  const ids = [...graph.needs.keys()].filter((id) => !only || only.has(id));
  const pending = new Map(ids.map((id) => [id, (graph.needs.get(id) ?? []).filter((n) => ids.includes(n.name))]));
  const order: string[] = [];
  const done = new Set<string>();
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const id of ids) {
      if (done.has(id)) continue;
      if ((pending.get(id) ?? []).every((n) => done.has(n.name))) {
        order.push(id);
        done.add(id);
        progressed = true;
        break;
      }
    }
  }
  return [...order, ...ids.filter((id) => !done.has(id))];
}
