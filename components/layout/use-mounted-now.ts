'use client';

import { useEffect, useState } from 'react';
import { type DateStyle, formatDate, utcStamp } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';

/**
 * The current time, known only in the browser: `null` on the server and during hydration, then `Date.now()` after
 * mounting, refreshed every `everyMs`. Text computed from "now" (uptime, "N min ago") rendered on the server would
 * not match the client's first render, React's hydration error #418.
 */
export function useMountedNow(everyMs = 60_000): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/**
 * A point in time in the reader's time zone and the page's language (lib/i18n/format-date.ts), after mounting. The
 * server knows neither the zone nor the browser's ICU, so the server and the hydration render show the UTC instant
 * ("2026-12-02 01:15 UTC"), replaced once the page is live.
 */
export function useLocalTime(iso: string | null | undefined, locale: Locale, style: DateStyle = 'dateTime'): string {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    setText(iso ? formatDate(iso, locale, style) : null);
  }, [iso, locale, style]);
  if (!iso) return '';
  return text ?? utcStamp(iso, style);
}
