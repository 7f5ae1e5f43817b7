'use client';

import { useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { secondaryButtonClass } from './styles';

/** "Copy join link" with a spoken confirmation (the link itself stays visible and selectable beside it). */
export function CopyJoinLink({ locale, url }: { locale: Locale; url: string }) {
  const t = translator(locale);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="inline-flex items-center gap-2" data-copy-join-link>
      <button type="button" onClick={copy} className={secondaryButtonClass}>
        {t('event.copyLink')}
      </button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {state === 'copied' ? t('event.copied') : state === 'failed' ? t('event.copyFailed') : ''}
      </span>
    </span>
  );
}
