import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';

export function SiteFooter({ locale }: { locale: Locale }) {
  const t = translator(locale);
  return (
    <footer className="mx-auto max-w-6xl border-t border-slate-200 px-4 py-6 text-sm text-slate-600 sm:px-6 dark:border-slate-800 dark:text-slate-400">
      <p>{t('footer.sandbox')}</p>
    </footer>
  );
}
