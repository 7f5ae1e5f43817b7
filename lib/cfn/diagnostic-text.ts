/**
 * A diagnostic's words as data: a message key and its parameters, rendered in English for the CLI and the sandbox, in
 * the page's language for the editor. A parameter is a plain value, a list (said as the language lists things), or
 * another message (a "Did you mean …?" hint, a value type), rendered in the same language.
 */
import type { Locale } from '../i18n/locales';
import { type DiagnosticKey, diagnosticsEn, diagnosticsKo } from '../i18n/messages-diagnostics';

export type { DiagnosticKey };

export type DiagnosticParam = string | number | readonly string[] | DiagnosticText;

export interface DiagnosticText {
  key: DiagnosticKey;
  params?: Readonly<Record<string, DiagnosticParam>>;
}

export const diagnosticCatalog: Record<Locale, Record<DiagnosticKey, string>> = {
  en: diagnosticsEn,
  ko: diagnosticsKo,
};

/** Shorthand for building a message where it is reported. */
export function text(key: DiagnosticKey, params?: Record<string, DiagnosticParam>): DiagnosticText {
  return params ? { key, params } : { key };
}

/** The placeholders a catalogue string uses, sorted: both languages of a key must use the same ones. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();
}

function renderParam(value: DiagnosticParam, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(value as readonly string[]);
  }
  return renderDiagnostic(value as DiagnosticText, locale);
}

/** `{name}` becomes the parameter; a placeholder without one stays visible, so a gap is noticed. */
export function renderDiagnostic(message: DiagnosticText, locale: Locale): string {
  const params = message.params ?? {};
  return diagnosticCatalog[locale][message.key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : renderParam(value, locale);
  });
}
