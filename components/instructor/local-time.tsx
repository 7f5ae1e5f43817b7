'use client';

import { useEffect, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A time in the reader's own time zone and language. The server does not know the instructor's zone, so the first
 * render (server and hydration) shows the UTC instant and the browser replaces it after mounting: no hydration
 * mismatch, and the right local time.
 */
export function LocalTime({ iso, locale, empty }: { iso: string | null; locale: Locale; empty: string }) {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (iso) setText(new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  }, [iso, locale]);
  if (!iso) return <span>{empty}</span>;
  return <time dateTime={iso}>{text ?? `${iso.slice(0, 16).replace('T', ' ')} UTC`}</time>;
}
