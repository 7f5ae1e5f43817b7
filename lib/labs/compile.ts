import rehypeShiki from '@shikijs/rehype';
import { transformerStyleToClass } from '@shikijs/transformers';
import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';

/** Components an MDX lab may use. Anything else is a content error caught at build/test time. */
export const mdxComponentNames = [
  'Callout',
  'Steps',
  'Step',
  'Tabs',
  'Tab',
  'Diagram',
  'Check',
  'Quiz',
  'CostNote',
] as const;

export interface CompiledLab {
  /** The function body mdx-bundler produced; render it with `getMDXComponent` from 'mdx-bundler/client'. */
  code: string;
  /**
   * The code highlighting's colours as classes (`.sk-…{--shiki-light:…;--shiki-dark:…}`): the page renders this once
   * instead of a style attribute on each of ~900 tokens, in its HTML and again in its RSC payload.
   */
  css: string;
  /** Every `<Step id>` in document order, every `<Check id>`, every `<Diagram name>`: the loader validates them. */
  stepIds: string[];
  /** Each step's title, by id: check hints link to a step by its title, not its anchor. */
  stepTitles: Record<string, string>;
  checkIds: string[];
  diagramNames: string[];
  components: string[];
}

export class MdxCompileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'MdxCompileError';
  }
}

/** Compile one lab's MDX. Slow (esbuild + shiki): run it once per file at build time, never per request. */
export async function compileLabMdx(source: string, file: string): Promise<CompiledLab> {
  let code: string;
  const toClasses = transformerStyleToClass({ classPrefix: 'sk-' });
  // `remove` after a fence's language (```yaml remove) reaches the page as data-meta on the <pre>.
  const keepMeta = {
    name: 'scalelab:meta',
    pre(this: { options: { meta?: { __raw?: string } } }, node: { properties: Record<string, unknown> }) {
      // Only the words the page acts on: other fence words (```bash cli-path, for the CLI-path tests) change nothing.
      const words = (this.options.meta?.__raw ?? '').split(/\s+/).filter((w) => w === 'remove');
      if (words.length) node.properties['data-meta'] = words.join(' ');
    },
  };
  try {
    const result = await bundleMDX({
      source,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm];
        options.rehypePlugins = [
          ...(options.rehypePlugins ?? []),
          [
            rehypeShiki,
            {
              // github-dark-default: its comments (#8b949e on #0d1117) meet WCAG AA's 4.5:1, github-dark's do not.
              themes: { light: 'github-light', dark: 'github-dark-default' },
              // Each fence's grammar is loaded when a fence first uses it (the default loads all ~230 bundled
              // grammars up front, ~20 s of CPU per process); the highlighted output is the same.
              langs: [],
              lazy: true,
              defaultColor: false,
              transformers: [toClasses, keepMeta],
            },
          ],
        ];
        return options;
      },
    });
    code = result.code;
  } catch (err) {
    const errors = (err as { errors?: { text: string; location?: { line: number; column: number } }[] }).errors;
    const first = errors?.[0];
    const where = first?.location ? `${first.location.line}:${first.location.column}: ` : '';
    throw new MdxCompileError(file, `${where}${first?.text ?? (err as Error).message}`);
  }
  // One rule per class, sorted: the same CSS whichever fence's grammar loaded first.
  const css = toClasses
    .getCSS()
    .split('}')
    .filter(Boolean)
    .map((rule) => `${rule}}`)
    .sort()
    .join('');
  return { code, css, ...scanReferences(source) };
}

/** The references a lab makes, read from the source (attribute values are plain strings by convention). */
export function scanReferences(source: string): Omit<CompiledLab, 'code' | 'css'> {
  const withoutCode = source.replace(/^```[\s\S]*?^```/gm, '');
  const attr = (tag: string, name: string) =>
    [...withoutCode.matchAll(new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]+)"`, 'g'))].map((m) => m[1] as string);
  const components = [...new Set([...withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1] as string))];
  const stepTitles = Object.fromEntries(
    [...withoutCode.matchAll(/<Step\b([^>]*)>/g)].flatMap((m) => {
      const id = /\bid="([^"]+)"/.exec(m[1] ?? '')?.[1];
      const title = /\btitle="([^"]+)"/.exec(m[1] ?? '')?.[1];
      return id && title ? [[id, title]] : [];
    }),
  );
  return {
    stepIds: attr('Step', 'id'),
    stepTitles,
    checkIds: attr('Check', 'id'),
    diagramNames: attr('Diagram', 'name'),
    components,
  };
}
