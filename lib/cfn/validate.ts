/** Run the rule sets over a parsed template: `cfn` (what CloudFormation itself rejects) and, when asked, `scalelab`. */
import { labRules } from './lab-rules';
import { parseTemplate } from './parse';
import { collector, type Rule } from './rule';
import { cycles } from './rules/cycles';
import { parameters } from './rules/parameters';
import { properties } from './rules/properties';
import { references } from './rules/references';
import { structure } from './rules/structure';
import { loadSpec, type Spec } from './spec';
import type { Diagnostic, Template } from './types';

export const RULE_SETS = {
  cfn: [structure, properties, references, parameters, cycles],
  scalelab: labRules,
} satisfies Record<string, Rule[]>;
export type RuleSetName = keyof typeof RULE_SETS;

export interface ValidateOptions {
  /** Which rule sets to run; default `['cfn']`. */
  rules?: RuleSetName[];
  /** A spec already loaded (the shared one is loaded otherwise). */
  spec?: Spec;
}

export async function validateTemplate(template: Template, opts: ValidateOptions = {}): Promise<Diagnostic[]> {
  return validateWithSpec(template, opts.spec ?? (await loadSpec()), opts.rules);
}

/** The synchronous core, for callers that hold a loaded spec. */
export function validateWithSpec(template: Template, spec: Spec, rules: RuleSetName[] = ['cfn']): Diagnostic[] {
  if (!template.root) return [...template.diagnostics];
  const { ctx, diagnostics } = collector(template, spec);
  for (const set of rules) for (const rule of RULE_SETS[set]) rule(ctx);
  return sortDiagnostics([...template.diagnostics, ...diagnostics]);
}

/** Parse and validate in one go. */
export async function validateText(text: string, file: string, opts: ValidateOptions = {}): Promise<Diagnostic[]> {
  return validateTemplate(parseTemplate(text, file), opts);
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

export function hasErrors(list: Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}
