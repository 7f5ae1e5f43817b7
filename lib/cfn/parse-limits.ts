/**
 * The limits a template meets before and while it is parsed, so that a few hundred hostile bytes cannot make the
 * parser do unbounded work (YAML's "billion laughs": nine aliases of nine aliases of ... expand to 10^9 nodes).
 * Each refusal is an ordinary diagnostic with a position, found in time linear in the size of the text.
 */
import { type Alias, type Document, isAlias, isMap, isPair, isSeq, Lexer } from 'yaml';
import { type DiagnosticText, text as diagnosticText } from './diagnostic-text';

/**
 * CloudFormation quotas ("AWS CloudFormation quotas", Template body size in an Amazon S3 object: 1 MB); a request's
 * TemplateBody is limited to 51,200 bytes: a larger template goes through S3 (lib/stacks/staging.ts), and the
 * `scalelab/template-size` lab rule says so in the editor.
 */
export const MAX_TEMPLATE_SOURCE_BYTES = 1_000_000;
export const MAX_TEMPLATE_BODY_BYTES = 51_200;
/** Nesting of mappings and sequences; real templates stay under 20 (a policy inside a Fn::If inside a property). */
export const MAX_NESTING_DEPTH = 100;
/** Nodes that aliases may add to a template in total (yaml's own `maxAliasCount` guards its toJS, not this model). */
export const MAX_ALIAS_EXPANSION = 10_000;

export interface LimitProblem {
  offset: number;
  rule: 'template-size' | 'yaml-depth' | 'yaml-alias-expansion';
  message: DiagnosticText;
}

/** Before any parse work: the byte size, then the flow nesting (`[[[[...`), which the lexer reports without recursion. */
export function sourceLimitProblem(text: string): LimitProblem | undefined {
  // Every UTF-16 unit is at least one byte: only a text that might be too large pays for counting its bytes.
  if (text.length > MAX_TEMPLATE_SOURCE_BYTES / 3) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_TEMPLATE_SOURCE_BYTES) {
      return {
        offset: 0,
        rule: 'template-size',
        message: diagnosticText('parse.tooLarge', {
          bytes: bytes.toLocaleString('en-US'),
          limit: MAX_TEMPLATE_SOURCE_BYTES.toLocaleString('en-US'),
        }),
      };
    }
  }
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      depth += 1;
      if (depth > MAX_NESTING_DEPTH) return depthProblem(offset);
    } else if (token === ']' || token === '}') {
      depth -= 1;
    }
    // Control tokens (document and scalar markers) are not part of the source text.
    if (token.length !== 1 || token.charCodeAt(0) >= 0x20 || token === '\n' || token === '\r' || token === '\t')
      offset += token.length;
  }
  return undefined;
}

export function depthProblem(offset: number): LimitProblem {
  return {
    offset,
    rule: 'yaml-depth',
    message: diagnosticText('parse.tooDeep', { limit: MAX_NESTING_DEPTH }),
  };
}

/**
 * After parsing, before conversion: how many nodes the aliases would add. Sizes are memoised per anchored node and the
 * walk follows document order (an alias always names an earlier anchor), so this costs one pass over the nodes.
 */
export function aliasExpansionProblem(doc: Document): LimitProblem | undefined {
  const sizes = new Map<unknown, number>();
  let added = 0;
  let problem: LimitProblem | undefined;

  const expandedSize = (node: unknown, onStack: Set<unknown>): number => {
    if (isAlias(node)) {
      const target = (node as Alias).resolve(doc);
      if (!target) return 1;
      const known = sizes.get(target);
      if (known !== undefined) return known;
      // An alias inside the node it names (`&a [*a]`) never ends.
      if (onStack.has(target)) return Number.POSITIVE_INFINITY;
      const size = expandedSize(target, onStack);
      sizes.set(target, size);
      return size;
    }
    onStack.add(node);
    let size = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) size += expandedSize(item.key, onStack) + expandedSize(item.value, onStack);
        else size += expandedSize(item, onStack);
      }
    }
    onStack.delete(node);
    return size;
  };

  // The literal walk: count what each alias written in the text adds, and stop at the first one over the budget.
  const walk = (node: unknown): void => {
    if (problem) return;
    if (isAlias(node)) {
      added += expandedSize(node, new Set());
      if (added > MAX_ALIAS_EXPANSION) {
        const alias = node as Alias;
        const params = { alias: alias.source, limit: MAX_ALIAS_EXPANSION.toLocaleString('en-US') };
        problem = {
          offset: alias.range?.[0] ?? 0,
          rule: 'yaml-alias-expansion',
          message: Number.isFinite(added)
            ? diagnosticText('parse.aliasExpansion', { ...params, count: added.toLocaleString('en-US') })
            : diagnosticText('parse.aliasEndless', params),
        };
      }
      return;
    }
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    }
  };
  walk(doc.contents);
  return problem;
}
