import type { ReactNode } from 'react';
import { BulbIcon, InfoIcon, WarningIcon } from '@/components/icons';
import type { Translate } from '@/lib/i18n/messages';

type Kind = 'note' | 'tip' | 'warning';
const styles: Record<Kind, string> = {
  note: 'border-brand-600 bg-brand-50 dark:bg-brand-900/30',
  tip: 'border-emerald-600 bg-emerald-50 dark:bg-emerald-900/30',
  warning: 'border-amber-600 bg-amber-50 dark:bg-amber-900/30',
};
const icons: Record<Kind, typeof InfoIcon> = { note: InfoIcon, tip: BulbIcon, warning: WarningIcon };

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
    <div
      role="note"
      className={`my-5 rounded-r-lg border-l-4 px-4 py-3 ${styles[kind]}`}
      aria-label={title ?? t(`callout.${kind}`)}
    >
      <p className="m-0 font-semibold">
        {(() => {
          const Icon = icons[kind];
          return <Icon className="mr-1.5 inline-block h-4 w-4 align-[-3px]" />;
        })()}
        {title ?? t(`callout.${kind}`)}
      </p>
      <div className="[&>p]:my-1">{children}</div>
    </div>
  );
}
