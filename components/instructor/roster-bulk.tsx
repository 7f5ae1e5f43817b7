'use client';

import { useId, useState, useTransition } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import type { StageId } from '@/lib/labs/types';
import { stageNumber } from './format';
import { bulkUnlockAction } from './roster-actions';
import { secondaryButtonClass, smallSelectClass } from './styles';

/** Unlock one stage (and the locked ones before it) for every learner ticked in the roster. */
export function RosterBulk({
  locale,
  eventId,
  stages,
  selected,
  onDone,
}: {
  locale: Locale;
  eventId: string;
  stages: StageId[];
  selected: string[];
  onDone: () => void;
}) {
  const t = translator(locale);
  const selectId = useId();
  const [stageId, setStageId] = useState<StageId>(stages[1] ?? stages[0] ?? ('00-one-user' as StageId));
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const unlock = () =>
    startTransition(async () => {
      const res = await bulkUnlockAction({ eventId, learnerIds: selected, stageId });
      setMessage(res.ok ? t('roster.bulk.done', { n: res.learners }) : t('roster.action.failed'));
      if (res.ok) onDone();
    });
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-roster-bulk>
      <span className="font-medium">{t('roster.bulk.selected', { n: selected.length })}</span>
      <label htmlFor={selectId} className="sr-only">
        {t('roster.bulk.stage')}
      </label>
      <select
        id={selectId}
        value={stageId}
        onChange={(e) => setStageId(e.target.value as StageId)}
        className={smallSelectClass}
      >
        {stages.map((s) => (
          <option key={s} value={s}>
            {t('stage.label', { n: stageNumber(s) })}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={pending || selected.length === 0}
        onClick={unlock}
        className={secondaryButtonClass}
      >
        {t('roster.bulk.unlock')}
      </button>
      <span role="status" aria-live="polite" className="text-slate-600 dark:text-slate-400">
        {message}
      </span>
    </div>
  );
}
