'use client';

import { useState, useTransition } from 'react';
import { useLocalTime } from '@/components/layout/use-mounted-now';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { remindCleanupAction } from './event-actions';
import { secondaryButtonClass } from './styles';

/** The event action "remind to clean up", after a confirmation; shows when the room was last reminded. */
export function RemindCleanup({
  locale,
  eventId,
  initial,
}: {
  locale: Locale;
  eventId: string;
  initial: string | null;
}) {
  const t = translator(locale);
  const [remindedAt, setRemindedAt] = useState(initial);
  const remindedTime = useLocalTime(remindedAt, locale, 'time');
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  const remind = () => {
    if (!window.confirm(t('event.cleanup.confirm'))) return;
    startTransition(async () => {
      const res = await remindCleanupAction({ eventId });
      setFailed(!res.ok);
      if (res.ok) setRemindedAt(res.remindedAt);
    });
  };

  return (
    <div className="flex flex-wrap items-center gap-2" data-remind-cleanup>
      <button type="button" disabled={pending} onClick={remind} className={secondaryButtonClass}>
        {t('event.cleanup.remind')}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {failed
          ? t('roster.action.failed')
          : remindedAt
            ? t('event.cleanup.reminded', {
                time: remindedTime,
              })
            : ''}
      </span>
    </div>
  );
}
