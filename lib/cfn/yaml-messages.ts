/**
 * The YAML parser's errors, said the way a person fixing the template needs them: which line, what is wrong with it
 * compared with the lines around it, and what to do — as message keys (`yaml.*` in lib/i18n/messages-diagnostics.ts,
 * English and Korean). The parser's own wording ("Nested mappings are not allowed in compact mappings") names its
 * grammar, not the learner's mistake.
 */
import { type DiagnosticText, text as message } from './diagnostic-text';

export interface YamlProblem {
  /** The `yaml` library's error code (BAD_INDENT, TAB_AS_INDENT, ...). */
  code: string;
  /** 1-based line and column the parser reported. */
  line: number;
  column: number;
  /** The parser's own message, used when no better sentence fits. */
  original: string;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string | undefined) => line !== undefined && line.trim() !== '' && !/^\s*#/.test(line);
const keyOf = (line: string) => /^\s*(?:- )?([^:#\s][^:#]*?):(?:\s|$)/.exec(line)?.[1];

/** The nearest line before `index` (0-based) that holds something. */
function previousContent(lines: string[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

function nextContent(lines: string[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length; i++) if (isContent(lines[i])) return i;
  return undefined;
}

export function plainYamlMessage(source: string, p: YamlProblem): DiagnosticText {
  const lines = source.split(/\r?\n/);
  const at = p.line - 1;
  const text = lines[at] ?? '';
  switch (p.code) {
    case 'TAB_AS_INDENT':
      return message('yaml.tab', { line: p.line });
    case 'BAD_INDENT': {
      if (/Flow map|Flow sequence|end with a [}\]]/.test(p.original))
        return message('yaml.unclosedFlow', { line: p.line });
      const prev = previousContent(lines, at);
      if (prev !== undefined) {
        const mine = indentOf(text);
        const theirs = indentOf(lines[prev] ?? '');
        return message('yaml.indentMismatch', { line: p.line, mine, above: prev + 1, theirs });
      }
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // Two `key:` on one line (a pasted snippet joined onto its parent's line).
      if (/^\s*(?:- )?[^:#\s][^:#]*:\s+[^:#\s'"][^:#'"]*:(?:\s|$)/.test(text)) {
        return message('yaml.twoKeys', { line: p.line });
      }
      const key = keyOf(text);
      const next = nextContent(lines, at);
      if (key && next !== undefined && indentOf(lines[next] ?? '') > indentOf(text)) {
        return message('yaml.tooDeep', { next: next + 1, line: p.line, key, spaces: indentOf(text) });
      }
      if (!text.includes(':')) return message('yaml.noColon', { line: p.line, text: text.trim() });
      break;
    }
    case 'DUPLICATE_KEY': {
      const key = keyOf(text) ?? text.trim();
      const first = lines.findIndex((l, i) => i < at && indentOf(l) === indentOf(text) && keyOf(l) === key);
      return message('yaml.duplicateKey', {
        key,
        first: first >= 0 ? message('yaml.firstOnLine', { line: first + 1 }) : '',
      });
    }
    case 'MISSING_CHAR':
      if (/quote/.test(p.original)) return message('yaml.unclosedQuote', { line: p.line });
      break;
  }
  return message('yaml.other', { original: p.original });
}
