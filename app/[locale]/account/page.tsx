import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { AccountOptions } from '@/components/account/account-options';
import { externalIdFor, localCredentialsAllowed } from '@/lib/accounts/connect';
import { learnerAccount } from '@/lib/accounts/learner-account';
import { isLocale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { getSecret } from '@/lib/identity';
import { getStore } from '@/lib/progress';
import { connectionFacts } from '@/lib/security/connection';
import { currentLearnerId } from '@/lib/session/current-learner';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: translator(locale)('account.title') } : {};
}

export default async function AccountPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = translator(locale);
  const learnerId = await currentLearnerId();
  if (!learnerId) notFound();
  const account = await learnerAccount(await getStore(), learnerId);
  const local = localCredentialsAllowed(connectionFacts(await headers()));
  const current =
    account.kind === 'sandbox'
      ? `${t('checks.sandbox')} ${account.accountId}`
      : account.kind === 'profile'
        ? `${account.accountId} (${account.profile ?? 'default'}, ${account.regions[0]})`
        : `${account.accountId} (${account.roleArn})`;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{t('account.title')}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{t('account.lead')}</p>
      <div className="mt-8">
        <AccountOptions
          locale={locale}
          current={current}
          profileAllowed={local.allowed}
          profileRefusal={local.allowed ? undefined : local.reason}
          role={{
            principal: process.env.SCALELAB_PLATFORM_PRINCIPAL_ARN ?? null,
            externalId: externalIdFor(learnerId, await getSecret()),
            templateHref: '/api/templates/access',
          }}
        />
      </div>
    </div>
  );
}
