'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useLocalTime } from '@/components/layout/use-mounted-now';
import type { EventSummary } from '@/lib/events/events';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { broadcastAction, closeEventAction } from './event-actions';
import { inputClass, secondaryButtonClass } from './styles';

/** Broadcast a one-line message to the room (a banner on learners' pages), or take it down. */
export function BroadcastForm({
  locale,
  eventId,
  initial,
}: {
  locale: Locale;
  eventId: string;
  initial: EventSummary['broadcast'];
}) {
  const t = translator(locale);
  const ids = { input: useId(), hint: useId() };
  const [shown, setShown] = useState(initial);
  const shownAt = useLocalTime(shown?.at, locale, 'time');
  const [text, setText] = useState(initial?.message ?? '');
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const send = (message: string) =>
    startTransition(async () => {
      const res = await broadcastAction({ eventId, message });
      setFailed(!res.ok);
      if (res.ok) {
        setShown(res.broadcast);
        setText(res.broadcast?.message ?? '');
      }
    });
  return (
    <form
      className="rounded-xl border border-slate-200 p-4 dark:border-slate-700"
      data-broadcast
      onSubmit={(e) => {
        e.preventDefault();
        send(text);
      }}
    >
      <label htmlFor={ids.input} className="text-sm font-semibold">
        {t('event.broadcast.label')}
      </label>
      <p id={ids.hint} className="text-xs text-slate-600 dark:text-slate-400">
        {t('event.broadcast.hint')}
      </p>
      <input
        id={ids.input}
        value={text}
        maxLength={280}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={ids.hint}
        className={inputClass}
      />
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button type="submit" disabled={pending || !text.trim()} className={secondaryButtonClass}>
          {t('event.broadcast.send')}
        </button>
        {shown && (
          <button type="button" disabled={pending} onClick={() => send('')} className={secondaryButtonClass}>
            {t('event.broadcast.clear')}
          </button>
        )}
        <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
          {failed
            ? t('roster.action.failed')
            : shown
              ? t('event.broadcast.shown', { time: shownAt })
              : t('event.broadcast.none')}
        </span>
      </div>
    </form>
  );
}

/** Close the event now, after a confirmation that says what closing does. */
export function CloseEvent({ locale, eventId, ended }: { locale: Locale; eventId: string; ended: boolean }) {
  const t = translator(locale);
  const router = useRouter();
  const [closed, setClosed] = useState(ended);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  if (closed) {
    return (
      <p className="text-sm font-medium text-slate-600 dark:text-slate-400" data-event-closed>
        {t('event.closed')}
      </p>
    );
  }
  const close = () => {
    if (!window.confirm(t('event.close.confirm'))) return;
    startTransition(async () => {
      const res = await closeEventAction({ eventId });
      setFailed(!res.ok);
      if (res.ok) {
        setClosed(true);
        // The settings and the timer are rendered on the server: show the new end.
        router.refresh();
      }
    });
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" disabled={pending} onClick={close} className={secondaryButtonClass} data-close-event>
        {t('event.close')}
      </button>
      {failed && (
        <span role="status" className="text-xs text-red-700 dark:text-red-300">
          {t('roster.action.failed')}
        </span>
      )}
    </span>
  );
}
