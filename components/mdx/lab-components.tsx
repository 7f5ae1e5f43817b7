/** biome-ignore-all lint/correctness/noComponentHookFactories: the MDX component map is bound per render to this page (server components, no hooks, no state). */
import type { ComponentProps, ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';
import type { LabMeta } from '@/lib/labs/types';
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
    pre: (p: ComponentProps<'pre'>) => <CodeBlock {...p} copyLabel={t('code.copy')} copiedLabel={t('code.copied')} />,
  };
}
