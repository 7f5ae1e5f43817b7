/**
 * "Add to my template": a lab snippet is a few template entries written at column 0 (resources, parameters or
 * outputs, each under its logical id, as the lab prints them). Merged into the learner's draft they land in their
 * section at its indentation: an entry the draft has already is replaced, a new one goes at the end of the section,
 * a missing section is added. Text in, text out, so the learner's comments and layout elsewhere stay as they are.
 */
import { parseDocument } from 'yaml';
import { yamlTags } from '@/lib/cfn/tags';

export type Section = 'Parameters' | 'Resources' | 'Outputs';
export interface SnippetEntry {
  id: string;
  section: Section;
  /** The entry's lines as the snippet wrote them (column 0), with the comment lines just above it. */
  lines: string[];
}
export type MergeResult =
  /** `replaced`: entries the draft had that were replaced (add) or deleted (remove). */
  | { ok: true; text: string; added: string[]; replaced: string[]; firstLine: number }
  | { ok: false; reason: 'not-entries' | 'not-yaml' };

const RESOURCE_TYPE = /^(AWS|Custom)::[A-Za-z0-9]+::[A-Za-z0-9]+$|^AWS::CloudFormation::|^AWS::Serverless::/;
const INDENT = '  ';

function sectionOf(value: unknown): Section | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Type === 'string' && (RESOURCE_TYPE.test(v.Type) || 'Properties' in v)) return 'Resources';
  if ('Value' in v) return 'Outputs';
  if (typeof v.Type === 'string') return 'Parameters';
  return undefined;
}

/** The snippet's entries, or why it is not a list of entries (a property fragment, a shell command, ...). */
export function snippetEntries(snippet: string): SnippetEntry[] | 'not-entries' | 'not-yaml' {
  const doc = parseDocument(snippet, { customTags: yamlTags });
  if (doc.errors.length) return 'not-yaml';
  const value = doc.toJS() as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not-entries';
  const ids = Object.keys(value as object);
  if (!ids.length || ids.some((id) => ['Resources', 'Parameters', 'Outputs'].includes(id))) return 'not-entries';
  const sections = ids.map((id) => sectionOf((value as Record<string, unknown>)[id]));
  if (sections.some((s) => !s)) return 'not-entries';
  const lines = snippet.replace(/\s+$/, '').split(/\r?\n/);
  const starts = ids.map((id) => lines.findIndex((l) => l.startsWith(`${id}:`)));
  if (starts.some((s) => s < 0)) return 'not-entries';
  return ids.map((id, i) => {
    let from = starts[i]!;
    while (from > 0 && /^#/.test(lines[from - 1] ?? '') && !starts.includes(from - 1)) from -= 1;
    const next = starts[i + 1] ?? lines.length;
    let to = next;
    // the next entry's own comments belong to it
    while (to > starts[i]! + 1 && /^(#.*)?$/.test(lines[to - 1] ?? '')) to -= 1;
    return { id, section: sections[i]!, lines: lines.slice(from, to) };
  });
}

/** Where a top-level section starts and ends (line indexes, end exclusive), if the draft has it. */
function sectionSpan(lines: string[], section: Section): { head: number; end: number } | undefined {
  const head = lines.findIndex((l) => new RegExp(`^${section}:\\s*(#.*)?$`).test(l));
  if (head < 0) return undefined;
  let end = lines.length;
  for (let i = head + 1; i < lines.length; i++) {
    if (/^[^\s#]/.test(lines[i] ?? '')) {
      end = i;
      break;
    }
  }
  while (end > head + 1 && (lines[end - 1] ?? '').trim() === '') end -= 1;
  return { head, end };
}

/** Where the draft's entry `id` is in a section: its comment lines above it to its last line (end exclusive). */
function entrySpan(
  lines: string[],
  span: { head: number; end: number },
  id: string,
): { from: number; stop: number } | undefined {
  const own = lines.findIndex((l, i) => i > span.head && i < span.end && l.startsWith(`${INDENT}${id}:`));
  if (own < 0) return undefined;
  let stop = span.end;
  for (let i = own + 1; i < span.end; i++) {
    if (/^ {2}[^\s#]/.test(lines[i] ?? '')) {
      stop = i;
      break;
    }
  }
  while (stop > own + 1 && /^\s*(#.*)?$/.test(lines[stop - 1] ?? '')) stop -= 1;
  let from = own;
  while (from > span.head + 1 && /^ {2}#/.test(lines[from - 1] ?? '')) from -= 1;
  return { from, stop };
}

/** Merge the snippet's entries into the draft. */
export function mergeSnippet(draft: string, snippet: string): MergeResult {
  const entries = snippetEntries(snippet);
  if (typeof entries === 'string') return { ok: false, reason: entries };
  const eol = draft.includes('\r\n') ? '\r\n' : '\n';
  let lines = draft.split(/\r?\n/);
  const added: string[] = [];
  const replaced: string[] = [];
  let firstLine = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const indented = entry.lines.map((l) => (l === '' ? '' : `${INDENT}${l}`));
    let span = sectionSpan(lines, entry.section);
    if (!span) {
      // A missing section goes after the sections that come before it in a template.
      const order: Section[] = ['Parameters', 'Resources', 'Outputs'];
      const after = order.slice(0, order.indexOf(entry.section)).map((s) => sectionSpan(lines, s));
      const at = Math.max(lines.length - (lines.at(-1) === '' ? 1 : 0), 0);
      const pos = after.reduce((p, s) => (s ? Math.max(p, s.end) : p), -1);
      const insertAt = pos >= 0 ? pos : at;
      lines = [...lines.slice(0, insertAt), '', `${entry.section}:`, ...lines.slice(insertAt)];
      span = sectionSpan(lines, entry.section)!;
    }
    const own = entrySpan(lines, span, entry.id);
    if (own) {
      const { from, stop } = own;
      lines = [...lines.slice(0, from), ...indented, ...lines.slice(stop)];
      replaced.push(entry.id);
      firstLine = Math.min(firstLine, from + 1);
    } else {
      const block = span.end > span.head + 1 ? ['', ...indented] : indented;
      lines = [...lines.slice(0, span.end), ...block, ...lines.slice(span.end)];
      added.push(entry.id);
      firstLine = Math.min(firstLine, span.end + (block.length - indented.length) + 1);
    }
  }
  let text = lines.join(eol);
  if (!text.endsWith(eol)) text += eol;
  return { ok: true, text, added, replaced, firstLine };
}

/** "Remove from my template": the snippet shows entries the step deletes; they go from the draft, comments too. */
export function removeSnippet(draft: string, snippet: string): MergeResult {
  const entries = snippetEntries(snippet);
  if (typeof entries === 'string') return { ok: false, reason: entries };
  const eol = draft.includes('\r\n') ? '\r\n' : '\n';
  let lines = draft.split(/\r?\n/);
  const replaced: string[] = [];
  let firstLine = Number.POSITIVE_INFINITY;
  for (const entry of entries) {
    const span = sectionSpan(lines, entry.section);
    if (!span) continue;
    const own = entrySpan(lines, span, entry.id);
    if (!own) continue;
    const { stop } = own;
    let { from } = own;
    // the blank line that separated it from the entry before goes with it
    if (from > span.head + 1 && (lines[from - 1] ?? '').trim() === '') from -= 1;
    lines = [...lines.slice(0, from), ...lines.slice(stop)];
    replaced.push(entry.id);
    firstLine = Math.min(firstLine, Math.max(from, 1));
  }
  let text = lines.join(eol);
  if (!text.endsWith(eol)) text += eol;
  return { ok: true, text, added: [], replaced, firstLine: Number.isFinite(firstLine) ? firstLine : 1 };
}
