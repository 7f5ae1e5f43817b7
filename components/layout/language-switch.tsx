'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Locale } from '@/lib/i18n/locales';

/** Links to the same page in the other language (keeps the path after the locale and the #step anchor). */
export function LanguageSwitch({ locale, label, switchTo }: { locale: Locale; label: string; switchTo: string }) {
  const pathname = usePathname() ?? `/${locale}`;
  const other: Locale = locale === 'en' ? 'ko' : 'en';
  const href = pathname.replace(/^\/(en|ko)(?=\/|$)/, `/${other}`);
  return (
    <Link
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={`${label}: ${switchTo}`}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm whitespace-nowrap hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      {switchTo}
    </Link>
  );
}
