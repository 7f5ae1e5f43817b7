/** Resources that need each other, directly or through others, can never be created. */

import { text } from '../diagnostic-text';
import { type DependencyGraph, dependencyGraph, cycles as findCycles } from '../graph';
import type { Rule } from '../rule';

export const cycles: Rule = ({ template, report }) => {
  const graph = dependencyGraph(template);
  const order = new Map(template.resources.map((r, i) => [r.logicalId, i]));
  for (const cycle of findCycles(graph)) {
    const first = [...cycle].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] ?? '';
    const path = loopThrough(graph, first, new Set(cycle));
    const needed = graph.needs.get(first)?.find((n) => n.name === path[1]);
    const pos = needed?.pos ?? template.resources.find((r) => r.logicalId === first)?.pos ?? { line: 1, column: 1 };
    report(pos, 'circular-dependency', text('cycles.circular', { path: path.join(' → ') }));
  }
};

/** The shortest way from `start` back to itself inside one strongly connected component (breadth first). */
function loopThrough(graph: DependencyGraph, start: string, members: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const at = queue.shift()!;
    for (const { name } of graph.needs.get(at) ?? []) {
      if (!members.has(name)) continue;
      if (name === start) {
        const path = [start];
        for (let p: string | undefined = at; p !== undefined && p !== start; p = cameFrom.get(p)) path.unshift(p);
        return [start, ...path];
      }
      if (!cameFrom.has(name)) {
        cameFrom.set(name, at);
        queue.push(name);
      }
    }
  }
  return [start, start];
}
