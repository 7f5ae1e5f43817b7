/** biome-ignore-all lint/correctness/noComponentHookFactories: the MDX component map is bound per render to this page (server components, no hooks, no state). */
import { type ComponentProps, isValidElement, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { LabMeta } from '@/lib/labs/types';
import { snippetEntries } from '@/lib/stacks/merge-snippet';
import { Callout } from './callout';
import { CodeBlock } from './code-block';
import { CostNote } from './cost-note';
import { Diagram } from './diagram';
import { Step, Steps } from './steps';
import { Tab, Tabs } from './tabs';

export interface LabComponentContext {
  lab: LabMeta;
  locale: Locale;
  t: Translate;
  /** `<Quiz />` renders the stage's quiz; the page decides how (server data + client form). */
  quiz: ReactNode;
  /** `<Check id>` renders that check's inline status; the page decides how. */
  renderCheck: (id: string) => ReactNode;
}

/** The components an MDX lab may use (the names in lib/labs/compile.ts), bound to this page's context. */
export function labComponents(ctx: LabComponentContext) {
  const { lab, locale, t } = ctx;
  return {
    Callout: (p: { type?: 'note' | 'tip' | 'warning'; title?: string; children: ReactNode }) => (
      <Callout {...p} t={t} />
    ),
    Steps,
    Step,
    Tabs: (p: { children: ReactNode }) => <Tabs {...p} t={t} />,
    Tab,
    Diagram: (p: { name: string }) => <Diagram name={p.name} locale={locale} />,
    Check: (p: { id: string }) => ctx.renderCheck(p.id),
    Quiz: () => ctx.quiz,
    CostNote: () => <CostNote lab={lab} locale={locale} t={t} />,
    pre: ({ 'data-meta': meta, ...p }: ComponentProps<'pre'> & { 'data-meta'?: string }) => {
      // Template entries (resources, parameters, outputs) can go straight into the editor, in their section;
      // a block fenced ```yaml remove shows entries the step deletes.
      const entries = Array.isArray(snippetEntries(textOf(p.children)));
      const remove = /\bremove\b/.test(meta ?? '');
      return (
        <CodeBlock
          {...p}
          copyLabel={t('code.copy')}
          copiedLabel={t('code.copied')}
          snippet={
            entries
              ? { mode: remove ? 'remove' : 'add', label: t(remove ? 'code.removeFromTemplate' : 'code.addToTemplate') }
              : undefined
          }
        />
      );
    },
  };
}

/** The text a highlighted code block shows (Shiki's spans flattened), read on the server. */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
