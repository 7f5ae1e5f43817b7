'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { connectAccount } from './actions';

interface Props {
  locale: Locale;
  current: string;
  profileAllowed: boolean;
  /** Why the machine's credentials are off: the operator turned them off, or the site is open to the network. */
  profileRefusal?: 'turned-off' | 'exposed';
  role: { principal: string | null; externalId: string; templateHref: string };
}

const card = 'rounded-xl border border-slate-200 p-5 dark:border-slate-700';
const button =
  'mt-3 rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60';
const inputClass =
  'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-slate-600 dark:bg-slate-900';

/** The three ways to connect an account, each verified on the server before it is saved. */
export function AccountOptions({ locale, current, profileAllowed, profileRefusal, role }: Props) {
  const t = translator(locale);
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string; field?: string } | null>(null);
  const ids = { profile: useId(), arn: useId(), arnError: useId() };

  async function connect(kind: string, payload: Record<string, string>) {
    setBusy(kind);
    setMessage(null);
    const res = await connectAccount({ kind, ...payload });
    setBusy(null);
    if (res.ok) {
      setMessage({ kind: 'ok', text: t('account.connected', { account: res.accountId }) });
      router.refresh();
    } else {
      setMessage({ kind: 'error', text: res.message, field: res.field });
    }
  }

  return (
    <div className="space-y-6">
      <p className="text-sm font-medium" data-current-account>
        {t('account.current', { account: current })}
      </p>
      <div role="status" aria-live="polite">
        {message && (
          <p
            className={
              message.kind === 'ok' ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'
            }
          >
            {message.text}
          </p>
        )}
      </div>

      <section className={card} aria-labelledby="acc-sandbox">
        <h2 id="acc-sandbox" className="text-lg font-semibold">
          {t('account.sandbox.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('account.sandbox.body')}</p>
        <button type="button" className={button} disabled={busy !== null} onClick={() => connect('sandbox', {})}>
          {busy === 'sandbox' ? t('account.verifying') : t('account.sandbox.use')}
        </button>
      </section>

      <section className={card} aria-labelledby="acc-profile">
        <h2 id="acc-profile" className="text-lg font-semibold">
          {t('account.profile.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('account.profile.body')}</p>
        {profileAllowed ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const profile = String(new FormData(e.currentTarget).get('profile') ?? '');
              void connect('profile', profile ? { profile } : {});
            }}
          >
            <label htmlFor={ids.profile} className="mt-3 block text-sm font-medium">
              {t('account.profile.name')}
            </label>
            <input id={ids.profile} name="profile" className={inputClass} placeholder="default" autoComplete="off" />
            <button type="submit" className={button} disabled={busy !== null}>
              {busy === 'profile' ? t('account.verifying') : t('account.profile.use')}
            </button>
          </form>
        ) : (
          <p className="mt-2 text-sm italic text-slate-500">
            {t(profileRefusal === 'turned-off' ? 'account.profile.turnedOff' : 'account.profile.disabled')}
          </p>
        )}
      </section>

      <section className={card} aria-labelledby="acc-role">
        <h2 id="acc-role" className="text-lg font-semibold">
          {t('account.role.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{t('account.role.body')}</p>
        {role.principal ? (
          <>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="font-medium">{t('account.role.principal')}</dt>
                <dd className="font-mono break-all">{role.principal}</dd>
              </div>
              <div>
                <dt className="font-medium">{t('account.role.externalId')}</dt>
                <dd className="font-mono break-all" data-external-id>
                  {role.externalId}
                </dd>
              </div>
            </dl>
            <a
              href={role.templateHref}
              download
              className="mt-2 inline-block text-sm text-brand-700 underline dark:text-brand-100"
            >
              {t('account.role.template')}
            </a>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void connect('role', { roleArn: String(new FormData(e.currentTarget).get('roleArn') ?? '') });
              }}
            >
              <label htmlFor={ids.arn} className="mt-3 block text-sm font-medium">
                {t('account.role.arn')}
              </label>
              <input
                id={ids.arn}
                name="roleArn"
                required
                className={inputClass}
                placeholder="arn:aws:iam::123456789012:role/ScaleLabOperator-us-east-1"
                autoComplete="off"
                spellCheck={false}
                aria-invalid={message?.field === 'roleArn'}
                aria-describedby={message?.field === 'roleArn' ? ids.arnError : undefined}
              />
              {message?.field === 'roleArn' && (
                <p id={ids.arnError} className="mt-1 text-sm text-red-700 dark:text-red-300">
                  {message.text}
                </p>
              )}
              <button type="submit" className={button} disabled={busy !== null}>
                {busy === 'role' ? t('account.verifying') : t('account.role.use')}
              </button>
            </form>
          </>
        ) : (
          <p className="mt-2 text-sm italic text-slate-500">{t('account.role.unconfigured')}</p>
        )}
      </section>
    </div>
  );
}
