import 'server-only';
import { headers } from 'next/headers';
import { defaultLocale, isLocale, LOCALE_HEADER, type Locale } from './locales';

/** The language of the page a server action was called from; English when it cannot tell. */
export async function requestLocale(): Promise<Locale> {
  const value = (await headers()).get(LOCALE_HEADER);
  return isLocale(value) ? value : defaultLocale;
}

/**
 * For a route handler (the proxy does not run for /api): the language of the page that opened it, read from the
 * Referer an EventSource or fetch sends from `/ko/...`; English when there is none.
 */
export function refererLocale(request: Request): Locale {
  const referer = request.headers.get('referer');
  if (!referer) return defaultLocale;
  try {
    const first = new URL(referer).pathname.split('/')[1];
    return isLocale(first) ? first : defaultLocale;
  } catch {
    return defaultLocale;
  }
}
