import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { LanguageSwitch } from './language-switch';

export function SiteHeader({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <nav
        aria-label={t('nav.main')}
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link href={`/${locale}`} className="flex items-center gap-2 font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand-600">
            <path fill="currentColor" d="M3 20h3v-6H3v6Zm5 0h3V9H8v11Zm5 0h3V5h-3v15Zm5 0h3V2h-3v18Z" />
          </svg>
          {t('site.name')}
        </Link>
        <Link
          href={`/${locale}`}
          className="text-sm whitespace-nowrap text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          {t('nav.journey')}
        </Link>
        <Link
          href={`/${locale}/account`}
          className="text-sm whitespace-nowrap text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          {t('nav.account')}
        </Link>
        <Link
          href={`/${locale}/instructor`}
          className="text-sm whitespace-nowrap text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
        >
          {t('instructor.title')}
        </Link>
        <div className="ml-auto">
          <LanguageSwitch locale={locale} label={t('nav.language')} switchTo={t('nav.switchTo')} />
        </div>
      </nav>
    </header>
  );
}
