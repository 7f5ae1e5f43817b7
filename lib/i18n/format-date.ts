/**
 * Every date and time a page shows goes through here, in the page's language: one place picks the Intl options, so
 * the stack card, the check panel, the roster and the event page say a time alike. Exports and APIs stay ISO 8601.
 *
 * Server and browser differ in time zone and in ICU version (spaces, "AM" or "오전" forms), so a component that renders
 * on the server shows `utcStamp` until it has mounted, then the browser's own local time (components/layout/
 * use-mounted-now.ts): the first client render matches the server's, and React reports no hydration error (#418).
 */
import type { Locale } from './locales';

export type DateStyle = 'dateTime' | 'time' | 'date';

/** The BCP 47 tag each page language formats with. */
export const LOCALE_TAGS: Record<Locale, string> = { en: 'en-US', ko: 'ko-KR' };

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { hour: '2-digit', minute: '2-digit' },
  date: { dateStyle: 'medium' },
};

/** `timeZone` omitted: the zone of the machine running it (the reader's, in a browser). */
export function formatDate(
  value: string | number | Date,
  locale: Locale,
  style: DateStyle = 'dateTime',
  timeZone?: string,
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { ...OPTIONS[style], ...(timeZone ? { timeZone } : {}) }).format(
    date,
  );
}

/** The instant in UTC, written the same by every runtime: what the server and the hydration render show. */
export function utcStamp(iso: string, style: DateStyle = 'dateTime'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [day = '', time = ''] = date.toISOString().split('T');
  const hm = time.slice(0, 5);
  if (style === 'date') return day;
  return style === 'time' ? `${hm} UTC` : `${day} ${hm} UTC`;
}
