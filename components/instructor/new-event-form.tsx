'use client';

import { useActionState, useEffect, useId, useRef } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { FormState } from './auth-actions';
import { buttonClass, inputClass, labelClass } from './styles';

interface Props {
  locale: Locale;
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  stages: { id: string; label: string }[];
  modes: readonly ('sandbox' | 'role')[];
  /** Editing an event: its values (times as ISO instants, shown in the browser's own zone) and the button's label. */
  initial?: Typed;
  submitLabel?: string;
}

const box = 'rounded-lg border border-slate-200 p-4 dark:border-slate-700';

/** What the instructor typed, kept across a refusal (React resets a form's fields to their defaults after an action). */
export interface Typed {
  name: string;
  stages: string[];
  accountModes: string[];
  fastForward: boolean;
  quizzesGate: boolean;
  startsAt: string;
  endsAt: string;
}

type EventFormState = FormState & { typed?: Typed };

function typedValues(form: FormData): Typed {
  const text = (k: string) => String(form.get(k) ?? '');
  return {
    name: text('name'),
    stages: form.getAll('stages').map(String),
    accountModes: form.getAll('accountModes').map(String),
    fastForward: form.has('fastForward'),
    quizzesGate: form.has('quizzesGate'),
    startsAt: text('startsAt'),
    endsAt: text('endsAt'),
  };
}

/** An ISO instant as a datetime-local value in the browser's zone ("2025-03-01T09:30"). */
function localInputValue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Name, stages, account modes, fast-forward, quiz gating and the time window of a new (or edited) event. */
export function NewEventForm({ locale, action, stages, modes, initial, submitLabel }: Props) {
  const t = translator(locale);
  // datetime-local has no zone: send the instructor's local time as an ISO instant, not the server's reading of it.
  const [state, formAction, pending] = useActionState<EventFormState, FormData>(async (prev, form) => {
    const typed = typedValues(form);
    for (const field of ['startsAt', 'endsAt']) {
      const value = String(form.get(field) ?? '');
      if (value && !Number.isNaN(Date.parse(value))) form.set(field, new Date(value).toISOString());
    }
    return { ...(await action(prev, form)), typed };
  }, {});
  const typed = state.typed ?? initial;
  const ids = { name: useId(), starts: useId(), ends: useId(), error: useId() };
  const starts = useRef<HTMLInputElement>(null);
  const ends = useRef<HTMLInputElement>(null);
  // An edited event's times are instants: only the browser knows its zone, so they are filled in after mounting.
  useEffect(() => {
    if (state.typed || !initial) return;
    if (starts.current && initial.startsAt) starts.current.value = localInputValue(initial.startsAt);
    if (ends.current && initial.endsAt) ends.current.value = localInputValue(initial.endsAt);
  }, [initial, state.typed]);
  return (
    <form action={formAction} className="mt-6 max-w-xl space-y-5" data-new-event>
      <div>
        <label htmlFor={ids.name} className={labelClass}>
          {t('event.name')}
        </label>
        <input id={ids.name} name="name" required maxLength={120} defaultValue={typed?.name} className={inputClass} />
      </div>
      <fieldset className={box}>
        <legend className="px-1 text-sm font-medium">{t('event.stages')}</legend>
        {stages.map((s) => (
          <label key={s.id} className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="stages"
              value={s.id}
              defaultChecked={typed ? typed.stages.includes(s.id) : true}
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      <fieldset className={box}>
        <legend className="px-1 text-sm font-medium">{t('event.accountModes')}</legend>
        {modes.map((m) => (
          <label key={m} className="mt-1 flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="accountModes"
              value={m}
              defaultChecked={typed ? typed.accountModes.includes(m) : m === 'sandbox'}
            />
            {t(`event.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="fastForward" defaultChecked={typed?.fastForward} />
          {t('event.fastForward')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="quizzesGate" defaultChecked={typed?.quizzesGate} />
          {t('event.quizzesGate')}
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={ids.starts} className={labelClass}>
            {t('event.startsAt')}
          </label>
          <input
            id={ids.starts}
            ref={starts}
            name="startsAt"
            type="datetime-local"
            defaultValue={state.typed?.startsAt}
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={ids.ends} className={labelClass}>
            {t('event.endsAt')}
          </label>
          <input
            id={ids.ends}
            ref={ends}
            name="endsAt"
            type="datetime-local"
            defaultValue={state.typed?.endsAt}
            className={inputClass}
          />
        </div>
      </div>
      <div role="alert" id={ids.error} className="text-sm text-red-700 dark:text-red-300">
        {state.error ? t(state.error) : null}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {submitLabel ?? t('event.create')}
      </button>
    </form>
  );
}
