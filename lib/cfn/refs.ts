/** The names a piece of template refers to: through Ref, GetAtt and the `${...}` variables of Sub. */
import { asMap, asSeq, asString, walk } from './nodes';
import type { NamedRef, Node } from './types';

/** `${Name}` and `${Resource.Attribute}` in a Sub string; `${!Literal}` is text, not a variable. */
export function subVariables(text: string): { name: string; index: number; length: number }[] {
  const out: { name: string; index: number; length: number }[] = [];
  for (const m of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    out.push({ name: (m[1] ?? '').trim(), index: m.index ?? 0, length: m[0].length });
  }
  return out;
}

/** The Sub template string and its own variable map, whichever form it was written in. */
export function subParts(arg: Node): { text: string | undefined; textNode: Node | undefined; vars: Set<string> } {
  const seq = asSeq(arg);
  const textNode = seq ? seq.items[0] : arg;
  const vars = new Set((asMap(seq?.items[1])?.entries ?? []).map((e) => e.key));
  return { text: asString(textNode), textNode, vars };
}

/** Every logical name (parameter or resource) referenced under `node`; GetAtt and `${A.B}` give `A`. */
export function referencedNames(node: Node | undefined): NamedRef[] {
  const out: NamedRef[] = [];
  walk(node, (n) => {
    if (n.kind !== 'fn') return;
    if (n.name === 'Ref') {
      const name = asString(n.arg);
      if (name !== undefined) out.push({ name, pos: n.arg.pos });
    } else if (n.name === 'Fn::GetAtt') {
      const first = asSeq(n.arg)?.items[0];
      const name = asString(first);
      if (name !== undefined && first) out.push({ name, pos: first.pos });
    } else if (n.name === 'Fn::Sub') {
      const { text, textNode, vars } = subParts(n.arg);
      if (text === undefined || !textNode) return;
      for (const v of subVariables(text)) {
        const name = v.name.split('.')[0] ?? v.name;
        if (!vars.has(v.name)) out.push({ name, pos: textNode.pos });
      }
    }
  });
  return out;
}
