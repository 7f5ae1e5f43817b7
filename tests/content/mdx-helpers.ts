import { parseTemplate, toPlain } from '@/lib/cfn';

/** Lab MDX read the way the content tests need it. Fenced code is removed first, as `scanReferences` does. */
const withoutCode = (source: string) => source.replace(/^```[\s\S]*?^```/gm, '');

/** The body of every `<Step>`, by id, in document order. */
export function stepBodies(source: string, keepCode = false): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of (keepCode ? source : withoutCode(source)).matchAll(
    /<Step\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/Step>/g,
  )) {
    out.set(m[1] as string, m[2] as string);
  }
  return out;
}

/** `<Check id>` tags inside each `<Step>`, in document order. */
export function checksPerStep(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [id, body] of stepBodies(source)) {
    out.set(
      id,
      [...body.matchAll(/<Check\b[^>]*\bid="([^"]+)"/g)].map((c) => c[1] as string),
    );
  }
  return out;
}

/** The tab kinds of a step, in order. */
export function tabKinds(body: string): string[] {
  return [...body.matchAll(/<Tab\b[^>]*\bkind="([^"]+)"/g)].map((m) => m[1] as string);
}

/** Every ```yaml block inside a `<Tab kind="editor">`, in document order, without its last newline. */
export function editorYaml(source: string): string[] {
  const tabs = [...source.matchAll(/<Tab kind="editor">([\s\S]*?)<\/Tab>/g)].map((m) => m[1] as string);
  // ```yaml or ```yaml remove (a block the step deletes: still an excerpt of the start template)
  return tabs.flatMap((tab) =>
    [...tab.matchAll(/^```yaml(?: [\w ]+)?\n([\s\S]*?)\n```$/gm)].map((m) => m[1] as string),
  );
}

/** A template (or a snippet of one) as plain data, read by lib/cfn: short-form intrinsics in their long form. */
export function templateData<T = Record<string, unknown>>(text: string): T {
  return toPlain(parseTemplate(text, 'snippet.yaml').root) as T;
}

/** Is `block` a run of consecutive lines of `template`, all shifted by the same indentation? */
export function isExcerpt(block: string, template: string): boolean {
  const want = block.split('\n');
  const have = template.split('\n');
  const first = want[0] as string;
  for (let i = 0; i + want.length <= have.length; i++) {
    const line = have[i] as string;
    if (!line.endsWith(first)) continue;
    const indent = line.slice(0, line.length - first.length);
    if (indent.trim() !== '') continue;
    const same = want.every((w, k) => {
      const h = have[i + k] as string;
      return w === '' ? h.trim() === '' : h === indent + w;
    });
    if (same) return true;
  }
  return false;
}
