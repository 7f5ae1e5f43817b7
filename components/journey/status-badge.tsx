import { ArrowIcon, CheckIcon, LockIcon } from '@/components/icons';
import type { Translate } from '@/lib/i18n/messages';
import type { StageStatus } from '@/lib/labs/journey';

const styles: Record<StageStatus, string> = {
  completed: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-100',
  unlocked: 'bg-brand-100 text-brand-900 dark:bg-brand-900/60 dark:text-brand-100',
  locked: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
};

const icons: Record<StageStatus, (p: { className?: string }) => React.ReactNode> = {
  completed: CheckIcon,
  unlocked: ArrowIcon,
  locked: LockIcon,
};

export function StatusBadge({ status, t }: { status: StageStatus; t: Translate }) {
  return (
    <span
      data-status={status}
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-medium ${styles[status]}`}
    >
      {icons[status]({})}
      {t(`status.${status}`)}
    </span>
  );
}
