/**
 * A name people typed (a learner's display name, an event's name) as others will see it: NFC, one line, without the
 * invisible characters that make text lie about itself — bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069, the marks U+200E/U+200F/U+061C; "Trojan Source"), zero-width characters (U+200B–U+200D, U+2060,
 * U+FEFF) and every other format (Cf) or control (Cc) character — with runs of white space made one space.
 */
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r\u0085\u2028\u2029]/;

export function plainDisplayText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cf}\p{Cc}\u2028\u2029]/gu, (c) => (LINE_BREAKS_AND_TABS.test(c) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();
}
