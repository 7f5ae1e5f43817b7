import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { logoutInstructor } from './auth-actions';
import { secondaryButtonClass } from './styles';

/** The instructor area's top line: where you are, who is signed in, and sign out. */
export function InstructorBar({ locale, email }: { locale: Locale; email: string }) {
  const t = translator(locale);
  return (
    <div className="mb-6 flex flex-wrap items-center gap-3 border-b border-slate-200 pb-3 text-sm dark:border-slate-800">
      <Link href={`/${locale}/instructor`} className="font-semibold hover:underline">
        {t('instructor.title')}
      </Link>
      <span className="ml-auto text-slate-600 dark:text-slate-400" data-instructor-email>
        {email}
      </span>
      <form action={logoutInstructor.bind(null, locale)}>
        <button type="submit" className={secondaryButtonClass}>
          {t('instructor.logout')}
        </button>
      </form>
    </div>
  );
}
