/** Small helpers to read the position-keeping node tree. */
import type { FnNode, IntrinsicName, MapEntry, MapNode, Node, Position, ScalarNode, SeqNode } from './types';

export function entry(map: MapNode | undefined, key: string): MapEntry | undefined {
  return map?.entries.find((e) => e.key === key);
}

export function get(map: MapNode | undefined, key: string): Node | undefined {
  return entry(map, key)?.value;
}

export function asMap(node: Node | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function asSeq(node: Node | undefined): SeqNode | undefined {
  return node?.kind === 'seq' ? node : undefined;
}

export function asString(node: Node | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function isFn(node: Node | undefined, name?: IntrinsicName): node is FnNode {
  return node?.kind === 'fn' && (name === undefined || node.name === name);
}

export function scalar(value: ScalarNode['value'], pos: Position): ScalarNode {
  return { kind: 'scalar', value, pos };
}

/** Visit every node under `node` (itself included), depth first, with the chain of map keys that leads to it. */
export function walk(
  node: Node | undefined,
  visit: (node: Node, path: readonly string[]) => void,
  path: string[] = [],
) {
  if (!node) return;
  visit(node, path);
  if (node.kind === 'map') for (const e of node.entries) walk(e.value, visit, [...path, e.key]);
  else if (node.kind === 'seq') for (const item of node.items) walk(item, visit, path);
  else if (node.kind === 'fn') walk(node.arg, visit, path);
}

/** The node as plain JSON-like data, intrinsics in their long form (`{ "Fn::Join": [...] }`). */
export function toPlain(node: Node | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
    case 'fn':
      return { [node.name]: toPlain(node.arg) };
  }
}

export function describe(node: Node): string {
  if (node.kind === 'scalar') return node.value === null ? 'null' : typeof node.value;
  if (node.kind === 'fn') return node.name;
  return node.kind === 'map' ? 'a mapping' : 'a list';
}
