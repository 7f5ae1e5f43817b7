import { describe, expect, it } from 'vitest';
import { parseTemplate, validateText } from '@/lib/cfn';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH, MAX_TEMPLATE_SOURCE_BYTES } from '@/lib/cfn/parse-limits';

/** The classic "billion laughs": nine levels of nine aliases each, 9^9 (387 million) nodes from about 450 bytes. */
function billionLaughs(): string {
  const lines = [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  let previous = 'a';
  for (const name of 'bcdefghi') {
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    previous = name;
  }
  lines.push('Resources:', '  R:', '    Type: AWS::S3::Bucket', '    Properties:', '      Tags: *i');
  return `${lines.join('\n')}\n`;
}

// A safety net only (the refusal is expected in milliseconds): a regression would otherwise hang the run.
const SAFETY_NET_MS = 2_000;

describe('template parser limits', () => {
  it(
    'refuses a billion-laughs template with a diagnostic naming the alias, without expanding it',
    async () => {
      const bomb = billionLaughs();
      expect(bomb.length).toBeLessThan(500);
      const template = parseTemplate(bomb, 'bomb.yaml');
      expect(template.resources).toEqual([]);
      expect(template.diagnostics).toHaveLength(1);
      const [d] = template.diagnostics;
      expect(d).toMatchObject({ severity: 'error', rule: 'yaml-alias-expansion', line: 6 });
      expect(d?.message).toMatch(/^The alias \*d makes the template's aliases expand to [\d,]+ nodes/);
      expect(d?.message).toContain(MAX_ALIAS_EXPANSION.toLocaleString('en-US'));
      // The validator (what the editor's lint and `scalelab validate` run) stops at the same diagnostic.
      const diagnostics = await validateText(bomb, 'bomb.yaml', { rules: ['cfn', 'scalelab'] });
      expect(diagnostics.map((x) => x.rule)).toEqual(['yaml-alias-expansion']);
    },
    SAFETY_NET_MS,
  );

  it('refuses an alias inside the node it names', () => {
    const template = parseTemplate('a: &a [1, *a]\nResources: {}\n', 't.yaml');
    expect(template.diagnostics[0]).toMatchObject({ rule: 'yaml-alias-expansion', line: 1, column: 11 });
    expect(template.diagnostics[0]?.message).toContain('*a');
  });

  it('still reads a template that reuses a node through an alias', () => {
    const text =
      'x: &tags [{Key: team, Value: web}]\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *tags\n';
    const template = parseTemplate(text, 't.yaml');
    expect(template.diagnostics).toEqual([]);
    expect(template.resources.map((r) => r.logicalId)).toEqual(['B']);
  });

  it(
    'refuses flow nesting deeper than the limit before parsing it, at the bracket that goes too deep',
    () => {
      const template = parseTemplate(`a: ${'['.repeat(200_000)}`, 't.yaml');
      expect(template.diagnostics).toEqual([
        expect.objectContaining({ rule: 'yaml-depth', line: 1, column: 4 + MAX_NESTING_DEPTH }),
      ]);
    },
    SAFETY_NET_MS,
  );

  it(
    'refuses JSON nested deeper than the limit',
    () => {
      const template = parseTemplate(`${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`, 't.json');
      expect(template.diagnostics[0]?.rule).toBe('yaml-depth');
    },
    SAFETY_NET_MS,
  );

  it('refuses block nesting deeper than the limit with one diagnostic', () => {
    const text = Array.from({ length: MAX_NESTING_DEPTH + 20 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    const template = parseTemplate(text, 't.yaml');
    expect(template.diagnostics).toEqual([expect.objectContaining({ rule: 'yaml-depth' })]);
  });

  it('refuses a template over 1 MB before parsing it', () => {
    const template = parseTemplate(`Description: ${'x'.repeat(MAX_TEMPLATE_SOURCE_BYTES)}\n`, 't.yaml');
    expect(template.diagnostics).toEqual([expect.objectContaining({ rule: 'template-size', line: 1, column: 1 })]);
  });
});
