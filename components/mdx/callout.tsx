import type { ReactNode } from 'react';
import type { Translate } from '@/lib/i18n/messages';

type Kind = 'note' | 'tip' | 'warning';
const styles: Record<Kind, string> = {
  note: 'border-brand-600 bg-brand-50 dark:bg-brand-900/30',
  tip: 'border-emerald-600 bg-emerald-50 dark:bg-emerald-900/30',
  warning: 'border-amber-600 bg-amber-50 dark:bg-amber-900/30',
};
const icons: Record<Kind, string> = { note: 'ℹ️', tip: '💡', warning: '⚠️' };

export function Callout({
  type = 'note',
  title,
  children,
  t,
}: {
  type?: Kind;
  title?: string;
  children: ReactNode;
  t: Translate;
}) {
  const kind: Kind = type in styles ? type : 'note';
  return (
    <aside
      className={`my-5 rounded-r-lg border-l-4 px-4 py-3 ${styles[kind]}`}
      aria-label={title ?? t(`callout.${kind}`)}
    >
      <p className="m-0 font-semibold">
        <span aria-hidden="true">{icons[kind]} </span>
        {title ?? t(`callout.${kind}`)}
      </p>
      <div className="[&>p]:my-1">{children}</div>
    </aside>
  );
}
