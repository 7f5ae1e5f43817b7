import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { setupInstructor } from '@/components/instructor/auth-actions';
import { CredentialsForm } from '@/components/instructor/credentials-form';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { setupIsOpen } from '@/lib/instructors/accounts';
import { getInstructorStore } from '@/lib/progress/instructor-store';
import { currentClient } from '@/lib/security/current-request';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false } };

/** First-run setup: creates the first instructor, and only while none exists (the action checks again). */
export default async function InstructorSetupPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  if (!(await setupIsOpen(await getInstructorStore()))) redirect(`/${locale}/instructor/login`);
  const t = translator(locale);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('instructor.setup.title')}</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{t('instructor.setup.lead')}</p>
      <CredentialsForm
        locale={locale}
        mode="setup"
        askSetupToken={!(await currentClient()).fromLoopback}
        action={setupInstructor.bind(null, locale)}
      />
    </div>
  );
}
