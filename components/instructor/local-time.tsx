'use client';

import { useLocalTime } from '@/components/layout/use-mounted-now';
import type { DateStyle } from '@/lib/i18n/format-date';
import type { Locale } from '@/lib/i18n/locales';

/**
 * A time in the reader's own time zone and the page's language. The server does not know the reader's zone, so the
 * first render (server and hydration) shows the UTC instant and the browser replaces it after mounting: no hydration
 * mismatch, and the right local time.
 */
export function LocalTime({
  iso,
  locale,
  empty,
  style = 'dateTime',
}: {
  iso: string | null;
  locale: Locale;
  empty: string;
  style?: DateStyle;
}) {
  const text = useLocalTime(iso, locale, style);
  if (!iso) return <span>{empty}</span>;
  return <time dateTime={iso}>{text}</time>;
}
