import { Children, isValidElement, type ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/messages';
import { TabsClient } from './tabs-client';

export type TabKind = 'editor' | 'console' | 'cli';

/** Marker component: `<Tab kind="editor">…</Tab>` inside `<Tabs>`. */
export function Tab({ children }: { kind: TabKind; children: ReactNode }) {
  return <>{children}</>;
}

export function Tabs({ children, t }: { children: ReactNode; t: Translate }) {
  const tabs = Children.toArray(children)
    .filter(isValidElement)
    .map((el) => {
      const props = el.props as { kind?: TabKind; children?: ReactNode };
      const kind: TabKind = props.kind ?? 'editor';
      return { kind, label: t(`tabs.${kind}`), panel: props.children };
    });
  return <TabsClient tabs={tabs} />;
}
