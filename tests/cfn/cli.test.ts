import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, runValidate } from '@/cli/commands/validate';
import { FIXTURES } from './corpus';

const fixture = (...parts: string[]) => relative(process.cwd(), join(FIXTURES, ...parts));

async function run(paths: string[], opts: { format?: string; rules?: string } = {}) {
  const lines: string[] = [];
  const code = await runValidate(paths, opts, (l) => lines.push(l));
  return { code, lines };
}

describe('scalelab validate', () => {
  it('prints file:line:col severity rule message and exits 1 on an error', async () => {
    const { code, lines } = await run([fixture('invalid', 'bad-ref.yaml')], { rules: 'cfn' });
    expect(code).toBe(1);
    expect(lines[0]).toBe(
      `${fixture('invalid', 'bad-ref.yaml')}:10:19 error ref-unknown 'Vcp' is not a parameter, resource or pseudo parameter. Did you mean 'Vpc'?`,
    );
    expect(lines.at(-1)).toMatch(/^1 template\(s\): 1 error\(s\), 0 warning\(s\) in \d+ ms\.$/);
  });

  it('exits 0 on a folder of valid templates', async () => {
    const { code } = await run([fixture('valid')], { rules: 'cfn' });
    expect(code).toBe(0);
  });

  it('runs the lab rules by default', async () => {
    const { code, lines } = await run([fixture('lab', 'open-ssh.yaml')]);
    expect(code).toBe(1);
    expect(lines[0]).toContain(':11:19 error scalelab/open-admin-port');
  });

  it('prints JSON diagnostics with --format json', async () => {
    const { lines } = await run([fixture('invalid', 'cycle.yaml')], { format: 'json', rules: 'cfn' });
    expect(JSON.parse(lines.join('\n'))).toEqual([
      {
        file: fixture('invalid', 'cycle.yaml'),
        line: 9,
        column: 16,
        severity: 'error',
        rule: 'circular-dependency',
        message: 'Circular dependency: WebSg → DbSg → WebSg.',
      },
    ]);
  });

  it('says so when there is nothing to validate', async () => {
    const { code, lines } = await run([fixture('valid', 'empty-folder-that-does-not-exist')]);
    expect(code).toBe(2);
    expect(lines[0]).toMatch(/^No such file or folder: /);
  });

  it('rejects an unknown rule set', async () => {
    expect((await run([fixture('valid')], { rules: 'cfn,nope' })).code).toBe(2);
  });

  it('colours severity only when asked to', () => {
    const d = {
      file: 'a.yaml',
      ...{ line: 1, column: 2, severity: 'warning' as const, rule: 'r', message: 'm' },
      text: { key: 'yaml.other' as const, params: { original: 'm' } },
    };
    expect(formatDiagnostic(d)).toBe('a.yaml:1:2 warning r m');
    expect(formatDiagnostic(d, true)).toContain('\u001b[');
  });
});
