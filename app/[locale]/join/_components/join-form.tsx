'use client';

import { useActionState, useId } from 'react';
import { buttonClass, inputClass, labelClass } from '@/components/instructor/styles';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { JoinState } from '../actions';

interface Props {
  locale: Locale;
  code: string;
  action: (prev: JoinState, form: FormData) => Promise<JoinState>;
}

export function JoinForm({ locale, code, action }: Props) {
  const t = translator(locale);
  const [state, formAction, pending] = useActionState(action, {});
  const ids = { code: useId(), name: useId(), error: useId() };
  return (
    <form action={formAction} className="mt-6 max-w-sm space-y-4" data-join-form>
      <div>
        <label htmlFor={ids.code} className={labelClass}>
          {t('join.code')}
        </label>
        <input
          id={ids.code}
          name="code"
          required
          defaultValue={state.values?.code ?? code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={12}
          className={`${inputClass} font-mono tracking-widest uppercase`}
        />
      </div>
      <div>
        <label htmlFor={ids.name} className={labelClass}>
          {t('join.displayName')}
        </label>
        <input
          id={ids.name}
          name="displayName"
          required
          maxLength={60}
          defaultValue={state.values?.displayName}
          autoComplete="nickname"
          className={inputClass}
        />
      </div>
      <div role="alert" id={ids.error} className="text-sm text-red-700 dark:text-red-300">
        {state.error ? t(state.error, { s: state.seconds ?? 0 }) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {t('join.submit')}
      </button>
    </form>
  );
}
