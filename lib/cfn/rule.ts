/** What a validation rule is given, and how it reports. */
import { type DiagnosticText, renderDiagnostic } from './diagnostic-text';
import type { Spec } from './spec';
import type { Diagnostic, Position, Severity, Template } from './types';

export interface RuleContext {
  template: Template;
  spec: Spec;
  /** `text`: a message key and its parameters (lib/i18n/messages-diagnostics.ts), in both languages. */
  report(at: Position, rule: string, text: DiagnosticText, severity?: Severity): void;
}

export type Rule = (ctx: RuleContext) => void;

/** One diagnostic: its English message rendered once, its text kept for the editor's language. */
export function diagnostic(
  file: string,
  at: Position,
  rule: string,
  text: DiagnosticText,
  severity: Severity = 'error',
): Diagnostic {
  return { file, line: at.line, column: at.column, severity, rule, message: renderDiagnostic(text, 'en'), text };
}

export function collector(template: Template, spec: Spec): { ctx: RuleContext; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    template,
    spec,
    report: (at, rule, text, severity = 'error') =>
      diagnostics.push(diagnostic(template.file, at, rule, text, severity)),
  };
  return { ctx, diagnostics };
}
