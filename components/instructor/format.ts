import type { Locale } from '@/lib/i18n/locales';
import type { Translate } from '@/lib/i18n/messages';

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

/** A length of time as the timer says it: "1 h 05 min", "12 min" (rounded up: "0 min" only at the very end). */
export function durationLabel(t: Translate, ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? t('event.duration.hm', { h, m: String(m).padStart(2, '0') }) : t('event.duration.m', { m });
}

/** What the event timer shows at `now`: before the start, while it runs (with an end), after the end. */
export function timerLabel(t: Translate, startsAt: string | null, endsAt: string | null, now: number): string {
  const start = startsAt ? Date.parse(startsAt) : null;
  const end = endsAt ? Date.parse(endsAt) : null;
  if (end !== null && now >= end) return t('event.timer.ended');
  if (start !== null && now < start) return t('event.timer.startsIn', { time: durationLabel(t, start - now) });
  if (end === null) return t('event.timer.noEnd');
  return t('event.timer.left', { time: durationLabel(t, end - now) });
}
