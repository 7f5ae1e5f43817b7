'use client';

import { useEffect, useState } from 'react';

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
 * A point in time in the reader's time zone and language, after mounting. The server knows neither (and Node's and
 * the browser's ICU format differently), so the server and the hydration render show the UTC instant
 * ("2026-12-02 01:15 UTC"), replaced once the page is live.
 */
export function useLocalTime(iso: string | null, locale: string, options?: Intl.DateTimeFormatOptions): string {
  const [text, setText] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: options are a literal at each call site; iso and locale decide.
  useEffect(() => {
    setText(iso ? new Date(iso).toLocaleString(locale, options) : null);
  }, [iso, locale]);
  if (!iso) return '';
  return text ?? `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
