/**
 * Read a CloudFormation template (YAML with the short-form tags, or JSON) into the position-keeping model. Never
 * throws on bad input: syntax problems come back as diagnostics on the template.
 */
import { type Alias, type Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { type DiagnosticText, text as diagnosticText } from './diagnostic-text';
import { asMap, asSeq, asString, get } from './nodes';
import { aliasExpansionProblem, depthProblem, MAX_NESTING_DEPTH, sourceLimitProblem } from './parse-limits';
import { diagnostic } from './rule';
import { SHORT_TAGS, yamlTags } from './tags';
import {
  INTRINSICS,
  type IntrinsicName,
  type MapEntry,
  type NamedRef,
  type Node,
  type Position,
  type ResourceDecl,
  type Template,
} from './types';
import { plainYamlMessage } from './yaml-messages';

const LONG_FORMS = new Set<string>(INTRINSICS);

export function parseTemplate(text: string, file = '<template>'): Template {
  const format =
    /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && text.trimStart().startsWith('{')) ? 'json' : 'yaml';
  const template: Template = {
    file,
    source: text,
    format,
    root: undefined,
    parameters: [],
    conditions: [],
    mappings: [],
    resources: [],
    outputs: [],
    diagnostics: [],
  };
  const lines = new LineCounter();
  const fail = (pos: Position, rule: string, message: DiagnosticText) =>
    template.diagnostics.push(diagnostic(file, pos, rule, message));

  // Size and flow nesting before any parse work; alias expansion right after parsing, before any node is built.
  const tooMuch = sourceLimitProblem(text);
  if (tooMuch) {
    fail(positionAt(text, tooMuch.offset), tooMuch.rule, tooMuch.message);
    return template;
  }
  if (format === 'json') {
    const problem = jsonProblem(text);
    if (problem) {
      fail(positionAt(text, problem.offset), 'json-syntax', problem.message);
      return template;
    }
  }
  const doc = parseDocument(text, { lineCounter: lines, customTags: yamlTags, uniqueKeys: true });
  for (const err of doc.errors) {
    const at = err.linePos?.[0] ?? { line: 1, col: 1 };
    const original = (err.message.split('\n')[0] ?? err.message).replace(/ at line \d+, column \d+:?$/, '');
    const plain = plainYamlMessage(text, { code: err.code, line: at.line, column: at.col, original });
    fail({ line: at.line, column: at.col }, 'yaml-syntax', plain);
  }
  if (template.diagnostics.length) return template;
  const expansion = aliasExpansionProblem(doc);
  if (expansion) {
    fail(positionAt(text, expansion.offset), expansion.rule, expansion.message);
    return template;
  }

  const pos = (offset: number | undefined): Position => {
    const p = lines.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  // Block nesting (indentation) is bounded here; aliases were sized above, so an alias that contains itself never
  // gets this far.
  let tooDeep = false;
  const convert = (value: unknown, depth = 0): Node => {
    if (depth > MAX_NESTING_DEPTH) {
      const at = (value as { range?: [number, number, number] })?.range?.[0] ?? 0;
      if (!tooDeep) {
        const problem = depthProblem(at);
        fail(pos(at), problem.rule, problem.message);
      }
      tooDeep = true;
      return { kind: 'scalar', value: null, pos: pos(at) };
    }
    if (isAlias(value)) return convert((value as Alias).resolve(doc as Document), depth + 1);
    const node = value as { range?: [number, number, number]; tag?: string };
    const start = node?.range?.[0] ?? 0;
    let out: Node;
    if (isMap(value)) {
      const entries: MapEntry[] = [];
      for (const pair of value.items) {
        const k = pair.key as { range?: [number, number, number]; value?: unknown } | null;
        const key = isScalar(k) ? String(k.value) : String(k);
        entries.push({ key, keyPos: pos(k?.range?.[0] ?? start), value: convert(pair.value, depth + 1) });
      }
      out = longForm({ kind: 'map', entries, pos: pos(start) });
    } else if (isSeq(value)) {
      out = { kind: 'seq', items: value.items.map((i) => convert(i, depth + 1)), pos: pos(start) };
    } else if (isScalar(value)) {
      const v = value.value;
      const plain = typeof v === 'bigint' ? Number(v) : v;
      out = { kind: 'scalar', value: (plain ?? null) as string | number | boolean | null, pos: pos(start) };
    } else {
      out = { kind: 'scalar', value: null, pos: pos(start) };
    }
    const tag = node?.tag;
    if (tag && tag in SHORT_TAGS) {
      const tagPos = pos(Math.max(0, text.lastIndexOf(tag, start)));
      return shortForm(SHORT_TAGS[tag] as IntrinsicName, out, tagPos);
    }
    if (tag?.startsWith('!') && !tag.startsWith('!!')) {
      fail(
        pos(Math.max(0, text.lastIndexOf(tag, start))),
        'yaml-unknown-tag',
        diagnosticText('parse.unknownTag', { tag }),
      );
    }
    return out;
  };

  const root = doc.contents ? convert(doc.contents) : undefined;
  if (tooDeep) return template;
  if (root?.kind !== 'map') {
    fail(root?.pos ?? { line: 1, column: 1 }, 'template-structure', diagnosticText('parse.notAMapping'));
    return template;
  }
  template.root = root;
  readSections(template, root);
  return template;
}

/** `{ "Fn::X": arg }` with a single key becomes an intrinsic node. */
function longForm(map: Extract<Node, { kind: 'map' }>): Node {
  const only = map.entries.length === 1 ? map.entries[0] : undefined;
  if (!only || !LONG_FORMS.has(only.key)) return map;
  // `Condition: {...}` inside an IAM policy statement is not the intrinsic; the intrinsic takes a name.
  if (only.key === 'Condition' && asString(only.value) === undefined) return map;
  return shortForm(only.key as IntrinsicName, only.value, only.keyPos);
}

function shortForm(name: IntrinsicName, arg: Node, pos: Position): Node {
  if (name === 'Fn::GetAtt' && arg.kind === 'scalar' && typeof arg.value === 'string') {
    const dot = arg.value.indexOf('.');
    if (dot > 0) {
      const resource = arg.value.slice(0, dot);
      const attrPos = { line: arg.pos.line, column: arg.pos.column + dot + 1 };
      const items: Node[] = [
        { kind: 'scalar', value: resource, pos: arg.pos },
        { kind: 'scalar', value: arg.value.slice(dot + 1), pos: attrPos },
      ];
      return { kind: 'fn', name, arg: { kind: 'seq', items, pos: arg.pos }, pos };
    }
  }
  return { kind: 'fn', name, arg, pos };
}

function readSections(template: Template, root: Extract<Node, { kind: 'map' }>) {
  const section = (key: string) => asMap(get(root, key))?.entries ?? [];
  template.conditions = section('Conditions');
  template.mappings = section('Mappings');
  for (const e of section('Parameters')) {
    const node = asMap(e.value);
    if (node) template.parameters.push({ name: e.key, pos: e.keyPos, type: asString(get(node, 'Type')), node });
  }
  for (const e of section('Outputs')) {
    const node = asMap(e.value);
    if (node) template.outputs.push({ name: e.key, pos: e.keyPos, node });
  }
  for (const e of section('Resources')) {
    const node = asMap(e.value);
    if (node) template.resources.push(readResource(e, node));
  }
}

function readResource(e: MapEntry, node: Extract<Node, { kind: 'map' }>): ResourceDecl {
  const typeNode = get(node, 'Type');
  const dependsNode = get(node, 'DependsOn');
  const names = (n: Node | undefined): NamedRef[] => {
    const s = asString(n);
    if (s !== undefined && n) return [{ name: s, pos: n.pos }];
    return (asSeq(n)?.items ?? []).flatMap(names);
  };
  const conditionNode = get(node, 'Condition');
  const condition = asString(conditionNode);
  return {
    logicalId: e.key,
    pos: e.keyPos,
    type: asString(typeNode),
    typePos: typeNode?.pos ?? e.keyPos,
    properties: asMap(get(node, 'Properties')),
    dependsOn: names(dependsNode),
    condition: condition !== undefined && conditionNode ? { name: condition, pos: conditionNode.pos } : undefined,
    node,
  };
}

function jsonProblem(text: string): { offset: number; message: DiagnosticText } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const detail = message.replace(/ in JSON at position \d+.*$/, '');
    return { offset: at ? Number(at[1]) : 0, message: diagnosticText('parse.json', { detail }) };
  }
}

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
