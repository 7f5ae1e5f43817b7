'use client';

import { useActionState, useId } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { FormState } from './auth-actions';
import { buttonClass, inputClass, labelClass } from './styles';

interface Props {
  locale: Locale;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  mode: 'setup' | 'login';
  /** First-run setup from another computer: the one-time setup token the server printed. */
  askSetupToken?: boolean;
}

/** Email + password, for the first-run setup (new password) and for signing in. */
export function CredentialsForm({ locale, action, mode, askSetupToken }: Props) {
  const t = translator(locale);
  const [state, formAction, pending] = useActionState(action, {});
  const ids = { email: useId(), password: useId(), hint: useId(), error: useId(), token: useId() };
  return (
    <form
      action={formAction}
      className="mt-6 max-w-sm space-y-4"
      aria-describedby={state.error ? ids.error : undefined}
    >
      <div>
        <label htmlFor={ids.email} className={labelClass}>
          {t('instructor.email')}
        </label>
        <input id={ids.email} name="email" type="email" required autoComplete="username" className={inputClass} />
      </div>
      <div>
        <label htmlFor={ids.password} className={labelClass}>
          {t('instructor.password')}
        </label>
        <input
          id={ids.password}
          name="password"
          type="password"
          required
          minLength={mode === 'setup' ? 12 : undefined}
          autoComplete={mode === 'setup' ? 'new-password' : 'current-password'}
          aria-describedby={mode === 'setup' ? ids.hint : undefined}
          className={inputClass}
        />
        {mode === 'setup' && (
          <p id={ids.hint} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            {t('instructor.passwordHint')}
          </p>
        )}
      </div>
      {askSetupToken && (
        <div>
          <label htmlFor={ids.token} className={labelClass}>
            {t('instructor.setup.token')}
          </label>
          <input id={ids.token} name="setupToken" required autoComplete="off" className={inputClass} />
        </div>
      )}
      <div role="alert" id={ids.error} className="text-sm text-red-700 dark:text-red-300">
        {state.error ? t(state.error, { s: state.seconds ?? 0 }) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t(mode === 'setup' ? 'instructor.setup.submit' : 'instructor.login.submit')}
      </button>
    </form>
  );
}
