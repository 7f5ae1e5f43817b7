import type { Translate } from '@/lib/i18n/messages';

/**
 * Below 1024 px the side column (stack card, checks) comes after the whole lab text, thousands of pixels down. This
 * compact bar stays at the bottom right of the screen (the steps button has the bottom left) with two links that
 * jump to the stack card's and the checks' headings: plain fragment links, so they work with the keyboard, move the
 * focus navigation start there, and need no script. From 1024 px the side column is sticky beside the text and the
 * bar is hidden.
 */
export function LabJumpBar({ t, stack }: { t: Translate; stack: boolean }) {
  const link =
    'inline-flex min-h-11 items-center px-4 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:text-slate-100 dark:hover:bg-slate-800';
  return (
    <nav
      aria-label={t('jump.label')}
      data-lab-jump
      className="fixed right-4 bottom-4 z-40 flex overflow-hidden rounded-full border border-slate-300 bg-white shadow-lg lg:hidden dark:border-slate-600 dark:bg-slate-900"
    >
      {stack && (
        <a href="#stack-title" className={`${link} border-r border-slate-300 dark:border-slate-600`} data-jump="stack">
          {t('jump.stack')}
        </a>
      )}
      <a href="#checks-title" className={link} data-jump="checks">
        {t('jump.checks')}
      </a>
    </nav>
  );
}
