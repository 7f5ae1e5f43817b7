import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { loginInstructor } from '@/components/instructor/auth-actions';
import { CredentialsForm } from '@/components/instructor/credentials-form';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { setupIsOpen } from '@/lib/instructors/accounts';
import { currentInstructor } from '@/lib/instructors/session';
import { getInstructorStore } from '@/lib/progress/instructor-store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { robots: { index: false } };

export default async function InstructorLoginPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  if (await currentInstructor()) redirect(`/${locale}/instructor`);
  if (await setupIsOpen(await getInstructorStore())) redirect(`/${locale}/instructor/setup`);
  const t = translator(locale);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-2xl font-bold tracking-tight">{t('instructor.login.title')}</h1>
      <CredentialsForm locale={locale} mode="login" action={loginInstructor.bind(null, locale)} />
    </div>
  );
}
