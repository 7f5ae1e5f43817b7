'use server';

import { z } from 'zod';
import { loadSpec } from '@/lib/cfn';
import { renderDiagnostic } from '@/lib/cfn/diagnostic-text';
import { type Locale, locales } from '@/lib/i18n/locales';
import { translator } from '@/lib/i18n/messages';
import { currentClient } from '@/lib/security/current-request';
import { limits } from '@/lib/security/limits';
import { describeWait } from '@/lib/security/rate-limit';
import { currentLearnerId } from '@/lib/session/current-learner';
import { checkDraft, MAX_TEMPLATE_BYTES, TemplateDraftError } from '@/lib/stacks/template-draft';

export interface EditorDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  /** In the page's language (the catalogue is lib/i18n/messages-diagnostics.ts). */
  message: string;
}

export type LintResult = { ok: true; diagnostics: EditorDiagnostic[] } | { ok: false; message: string };

const input = z.object({ body: z.string().max(MAX_TEMPLATE_BYTES * 2), locale: z.enum(locales).default('en') });

/** Diagnostics for the editor as the learner types (debounced on the client): the same lib/cfn the CLI uses. */
export async function lintTemplate(raw: unknown): Promise<LintResult> {
  const parsed = input.safeParse(raw);
  const locale: Locale = parsed.success
    ? parsed.data.locale
    : (raw as { locale?: unknown })?.locale === 'ko'
      ? 'ko'
      : 'en';
  const t = translator(locale);
  if (!parsed.success) return { ok: false, message: t('editor.lint.tooLarge') };
  const learnerId = await currentLearnerId();
  if (!learnerId) return { ok: false, message: t('editor.lint.noSession') };
  const { address } = await currentClient();
  const { lint, lintByAddress } = limits();
  const wait = [lint.take(learnerId), lintByAddress.take(address)].find((v) => !v.ok);
  if (wait)
    return {
      ok: false,
      message: t('editor.lint.tooMany', { wait: describeWait(wait.retryAfterMs, locale) }),
    };
  try {
    const diagnostics = await checkDraft(parsed.data.body);
    return {
      ok: true,
      diagnostics: diagnostics.map(({ line, column, severity, rule, text }) => ({
        line,
        column,
        severity,
        rule,
        message: renderDiagnostic(text, locale),
      })),
    };
  } catch (err) {
    if (err instanceof TemplateDraftError) return { ok: false, message: err.localized[locale] };
    throw err;
  }
}

export interface SpecDoc {
  title: string;
  documentation: string;
  required?: boolean;
  replacement?: 'yes' | 'no' | 'maybe';
  attributes?: string[];
}

const docInput = z.object({
  type: z.string().regex(/^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/),
  property: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*$/)
    .optional(),
});

/** Hover docs for the editor, from the CloudFormation spec: a resource type, or one of its properties. */
export async function describeSpec(raw: unknown): Promise<SpecDoc | null> {
  const parsed = docInput.safeParse(raw);
  if (!parsed.success) return null;
  const spec = await loadSpec();
  const resource = spec.resource(parsed.data.type);
  if (!resource) return null;
  const doc = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 600);
  if (!parsed.data.property) {
    return {
      title: parsed.data.type,
      documentation: doc(resource.documentation),
      attributes: Object.keys(resource.attributes ?? {}).slice(0, 20),
    };
  }
  const property = resource.properties[parsed.data.property];
  if (!property) return null;
  return {
    title: `${parsed.data.type}.${parsed.data.property}`,
    documentation: doc(property.documentation),
    required: property.required ?? false,
    replacement: spec.replacement(parsed.data.type, parsed.data.property),
  };
}
