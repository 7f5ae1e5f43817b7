import type { Locale } from '@/lib/i18n/locales';

/** `00-one-user` → `00`: how the roster names a stage in tight cells. */
export const stageNumber = (stageId: string): string => stageId.slice(0, 2);

/** "3 minutes ago" in the page's language, from an ISO time and the current clock. */
export function ago(locale: Locale, iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(Math.min(0, seconds), 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}
