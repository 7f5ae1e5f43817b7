/** What the cursor is on in a template, for the editor's hover docs: a resource type, or one of its properties. */
export type HoverTarget = { type: string; property?: string };

const TYPE_LINE = /^(\s*)Type:\s*['"]?(AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)['"]?\s*$/;
const KEY = /^(\s*)(?:-\s+)?([A-Za-z][A-Za-z0-9]*):/;

/**
 * Read the YAML around a position (1-based line, 0-based column) the way a person would: on `Type: AWS::…` it is that
 * type; on a key directly under a resource's `Properties:` it is that property of the resource's type.
 */
export function hoverTarget(text: string, line: number, column: number): HoverTarget | undefined {
  const lines = text.split('\n');
  const current = lines[line - 1];
  if (current === undefined) return undefined;
  const type = TYPE_LINE.exec(current);
  if (type?.[2] && column >= current.indexOf('AWS::')) return { type: type[2] };
  const key = KEY.exec(current);
  if (!key?.[2] || column < (key[1]?.length ?? 0) || column > (key[1]?.length ?? 0) + key[2].length + 2)
    return undefined;
  const indent = key[1]?.length ?? 0;
  // Walk up: the parent key must be `Properties:`, and its sibling `Type:` names the resource type.
  let parentIndent = indent;
  let parentLine = -1;
  for (let i = line - 2; i >= 0; i--) {
    const m = KEY.exec(lines[i] ?? '');
    if (m && (m[1]?.length ?? 0) < parentIndent) {
      parentIndent = m[1]?.length ?? 0;
      parentLine = i;
      break;
    }
  }
  if (parentLine < 0 || KEY.exec(lines[parentLine] ?? '')?.[2] !== 'Properties') return undefined;
  for (let i = parentLine - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    const m = KEY.exec(l);
    if (m && (m[1]?.length ?? 0) < parentIndent) break; // left the resource
    const t = TYPE_LINE.exec(l);
    if (t?.[2] && (t[1]?.length ?? 0) === parentIndent) return { type: t[2], property: key[2] };
  }
  for (let i = parentLine + 1; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const m = KEY.exec(l);
    if (m && (m[1]?.length ?? 0) < parentIndent) break;
    const t = TYPE_LINE.exec(l);
    if (t?.[2] && (t[1]?.length ?? 0) === parentIndent) return { type: t[2], property: key[2] };
  }
  return undefined;
}
