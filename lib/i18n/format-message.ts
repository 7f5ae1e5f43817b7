import { PARTICLE_PATTERN, particleAfter } from './korean-particles';
import type { Locale } from './locales';

/** `{n, plural, one {# check} other {# checks}}`: the branch the locale's plural rules pick, `#` the number. */
const PLURAL = /\{(\w+), plural,((?:\s*(?:zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const BRANCH = /(zero|one|two|few|many|other) \{([^{}]*)\}/g;

/** A placeholder, and the Korean particle pair written after it (`{name}을(를)`), chosen once the word is known. */
const PLACEHOLDER = new RegExp(`\\{(\\w+)\\}(${PARTICLE_PATTERN})?`, 'g');

const pluralRules = new Map<Locale, Intl.PluralRules>();

/**
 * Fill a message's placeholders: plurals by the locale's rules, `{name}` by its value (with the Korean particle after
 * it chosen by the word). Unknown placeholders stay visible so a gap is noticed, not hidden.
 */
export function formatMessage(text: string, locale: Locale, vars?: Record<string, string | number>): string {
  const rules = pluralRules.get(locale) ?? new Intl.PluralRules(locale);
  pluralRules.set(locale, rules);
  return text
    .replace(PLURAL, (whole, name: string, branches: string) => {
      if (!vars || !(name in vars)) return whole;
      const n = Number(vars[name]);
      const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1], m[2] ?? '']));
      return (forms.get(rules.select(n)) ?? forms.get('other') ?? whole).replaceAll('#', String(vars[name]));
    })
    .replace(PLACEHOLDER, (whole, name: string, pair?: string) => {
      if (!vars || !(name in vars)) return whole;
      const word = String(vars[name]);
      return pair ? `${word}${particleAfter(word, pair)}` : word;
    });
}
