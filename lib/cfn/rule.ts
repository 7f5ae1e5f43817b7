/** What a validation rule is given, and how it reports. */
import type { Spec } from './spec';
import type { Diagnostic, Position, Severity, Template } from './types';

export interface RuleContext {
  template: Template;
  spec: Spec;
  report(at: Position, rule: string, message: string, severity?: Severity): void;
}

export type Rule = (ctx: RuleContext) => void;

export function collector(template: Template, spec: Spec): { ctx: RuleContext; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const ctx: RuleContext = {
    template,
    spec,
    report: (at, rule, message, severity = 'error') =>
      diagnostics.push({ file: template.file, line: at.line, column: at.column, severity, rule, message }),
  };
  return { ctx, diagnostics };
}
