/**
 * `scalelab validate [paths...]`: validate CloudFormation templates against the resource spec (and the lab
 * conventions). Files or folders; default every template under templates/. Exit code 1 on any error.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import { type Diagnostic, hasErrors, parseTemplate, RULE_SETS, type RuleSetName, validateTemplate } from '@/lib/cfn';

const ANSI = { red: 31, yellow: 33, dim: 2, bold: 1 } as const;
const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;

export function register(program: Command): void {
  program
    .command('validate')
    .description('Validate CloudFormation templates (default: everything under templates/)')
    .argument('[paths...]', 'template files or folders')
    .option('--format <format>', 'human | json', 'human')
    .option('--rules <sets>', `rule sets, comma-separated (${Object.keys(RULE_SETS).join(', ')})`, 'cfn,scalelab')
    .option('--no-warnings', 'print errors only')
    .action(async (paths: string[], opts: { format: string; rules: string; warnings: boolean }) => {
      process.exitCode = await runValidate(paths, opts);
    });
}

export async function runValidate(
  paths: string[],
  opts: { format?: string; rules?: string; warnings?: boolean },
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<number> {
  const rules = (opts.rules ?? 'cfn,scalelab').split(',').map((s) => s.trim()) as RuleSetName[];
  const unknown = rules.filter((r) => !(r in RULE_SETS));
  if (unknown.length) {
    out(`Unknown rule set ${unknown.join(', ')}: use ${Object.keys(RULE_SETS).join(', ')}.`);
    return 2;
  }
  const json = opts.format === 'json';
  const note = (line: string) => (json ? process.stderr.write(`${line}\n`) : out(line));
  const targets = paths.length ? paths : ['templates'];
  const missing = targets.filter((p) => !existsSync(p));
  if (missing.length && paths.length) {
    note(`No such file or folder: ${missing.join(', ')}`);
    return 2;
  }
  const files = targets.filter((p) => existsSync(p)).flatMap(templateFiles);
  if (!files.length) {
    note(`No templates to validate in ${targets.join(', ')} (looked for .yaml, .yml, .json, .template).`);
    if (json) out('[]');
    return 0;
  }
  const started = performance.now();
  let diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const template = parseTemplate(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file);
    // The lab conventions are for lab stacks; templates/access/ bootstraps an account and is not one.
    const fileRules = isAccessTemplate(file) ? rules.filter((r) => r !== 'scalelab') : rules;
    diagnostics.push(...(await validateTemplate(template, { rules: fileRules })));
  }
  if (opts.warnings === false) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  if (json) {
    // English messages only, as before the editor's message keys (`text`) existed.
    out(
      JSON.stringify(
        diagnostics.map(({ text: _key, ...d }) => d),
        null,
        2,
      ),
    );
  } else {
    for (const d of diagnostics) out(formatDiagnostic(d, process.stdout.isTTY && !process.env.NO_COLOR));
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const ms = Math.round(performance.now() - started);
    out(`${files.length} template(s): ${errors} error(s), ${warnings} warning(s) in ${ms} ms.`);
  }
  return hasErrors(diagnostics) ? 1 : 0;
}

function isAccessTemplate(file: string): boolean {
  return /(^|[\\/])templates[\\/]access[\\/]/.test(relative(process.cwd(), file) || file);
}

export function formatDiagnostic(d: Diagnostic, colour = false): string {
  const paint = (style: keyof typeof ANSI, text: string) => (colour ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severity = paint(d.severity === 'error' ? 'red' : 'yellow', d.severity);
  return `${paint('bold', `${d.file}:${d.line}:${d.column}`)} ${severity} ${paint('dim', d.rule)} ${d.message}`;
}

function templateFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : templateFiles(full);
      return TEMPLATE_FILE.test(entry.name) ? [full] : [];
    });
}
