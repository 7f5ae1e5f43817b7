'use server';

import { z } from 'zod';
import { checkDraft, MAX_TEMPLATE_BYTES, TemplateDraftError } from '@/lib/stacks/template-draft';

export interface EditorDiagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  message: string;
}

export type LintResult = { ok: true; diagnostics: EditorDiagnostic[] } | { ok: false; message: string };

const input = z.object({ body: z.string().max(MAX_TEMPLATE_BYTES * 2) });

/** Diagnostics for the editor as the learner types (debounced on the client): the same lib/cfn the CLI uses. */
export async function lintTemplate(raw: unknown): Promise<LintResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'The template is far too large.' };
  try {
    const diagnostics = await checkDraft(parsed.data.body);
    return {
      ok: true,
      diagnostics: diagnostics.map(({ line, column, severity, rule, message }) => ({
        line,
        column,
        severity,
        rule,
        message,
      })),
    };
  } catch (err) {
    if (err instanceof TemplateDraftError) return { ok: false, message: err.message };
    throw err;
  }
}
