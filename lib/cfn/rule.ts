/** What a validation rule is given, and how it reports. */
import type { Spec } from './spec';
import type { Diagnostic, Position, Severity, Template } from './types';

export interface RuleContext {
  template: Template;
  spec: Spec;
  /** `ko`: the message in Korean, for the editor (the English one is what the CLI prints). */
  report(at: Position, rule: string, message: string, severity?: Severity, ko?: string): void;
}

export type Rule = (ctx: RuleContext) => void;

export function collector(template: Template, spec: Spec): { ctx: RuleContext; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    template,
    spec,
    report: (at, rule, message, severity = 'error', ko) =>
      diagnostics.push({
        file: template.file,
        line: at.line,
        column: at.column,
        severity,
        rule,
        message,
        ...(ko ? { ko } : {}),
      }),
  };
  return { ctx, diagnostics };
}
