/** The two languages every page, lab and UI string exists in. */
export const locales = ['en', 'ko'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** A string in both languages: content and metadata use this shape everywhere. */
export type Localized = Record<Locale, string>;

export function isLocale(value: string | undefined | null): value is Locale {
  return value === 'en' || value === 'ko';
}

/**
 * The request header the proxy sets from the page's path (`/ko/labs/...` → `ko`), so that a server action, which Next
 * posts to the page's own URL, answers in the page's language (lib/i18n/request-locale.ts). The proxy overwrites
 * whatever a client sent.
 */
export const LOCALE_HEADER = 'x-scalelab-locale';
