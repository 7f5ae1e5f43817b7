import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '@/cli/commands/validate';
import { type Diagnostic, loadSpec, parseTemplate, type Spec, validateWithSpec } from '@/lib/cfn';
import { expectations, FIXTURES, fixtureFiles, readFixture } from './corpus';

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec();
});

const short = (d: Diagnostic) => `${d.line}:${d.column} ${d.severity} ${d.rule}`;
const validate = (file: string, rules: ('cfn' | 'scalelab')[] = ['cfn']) =>
  validateWithSpec(parseTemplate(readFixture(file), basename(file)), spec, rules);

describe('broken templates: each reports its mistake with the exact rule id and line:col', () => {
  it.each(fixtureFiles('invalid').filter((f) => f.endsWith('.yaml')))('%s', (file) => {
    const expected = expectations(readFixture(file));
    expect(expected.length).toBeGreaterThan(0);
    const errors = validate(file)
      .filter((d) => d.severity === 'error')
      .map(short);
    expect(errors).toEqual(expected);
  });

  it('reports a JSON syntax error at the character that breaks it', () => {
    expect(validate(join(FIXTURES, 'invalid', 'malformed.json')).map(short)).toEqual(['3:44 error json-syntax']);
  });

  it('reports a misspelt property in a JSON template at its key and suggests the right name', () => {
    const [d] = validate(join(FIXTURES, 'invalid', 'misspelled-property.json'));
    expect(d && short(d)).toBe('6:9 error unknown-property');
    expect(d?.message).toContain("Did you mean 'VisibilityTimeout'?");
  });

  it('suggests the property the author meant', () => {
    const [d] = validate(join(FIXTURES, 'invalid', 'misspelled-property.yaml'));
    expect(d?.message).toBe(
      "Unknown property 'EnableDnsHostname' in AWS::EC2::VPC. Did you mean 'EnableDnsHostnames'?",
    );
  });

  it('names the cycle it found, in order', () => {
    const [d] = validate(join(FIXTURES, 'invalid', 'cycle.yaml'));
    expect(d?.message).toBe('Circular dependency: WebSg → DbSg → WebSg.');
  });

  it('names the nested path of a wrong type inside a list of objects', () => {
    const [d] = validate(join(FIXTURES, 'invalid', 'nested-wrong-type.yaml'));
    expect(d?.message).toBe('AWS::EC2::SecurityGroup.SecurityGroupIngress[0].FromPort must be an integer, not string.');
  });
});

describe('lab conventions (the scalelab rule set)', () => {
  it.each(fixtureFiles('lab'))('%s: exactly the expected lab errors, and no CloudFormation error', (file) => {
    expect(validate(file, ['cfn']).filter((d) => d.severity === 'error')).toEqual([]);
    const errors = validate(file, ['cfn', 'scalelab'])
      .filter((d) => d.severity === 'error')
      .map(short);
    expect(errors).toEqual(expectations(readFixture(file)));
  });

  it('warns, without failing, when a parameter offers a size off the cheap list but defaults to a cheap one', () => {
    const found = validate(join(FIXTURES, 'lab', 'offered-size.yaml'), ['cfn', 'scalelab']);
    expect(found.map(short)).toEqual(['6:31 warning scalelab/instance-size']);
  });

  it('is off unless asked for', () => {
    expect(validate(join(FIXTURES, 'lab', 'open-ssh.yaml'))).toEqual([]);
  });

  it('accepts a lab template that follows every convention', () => {
    expect(validate(join(FIXTURES, 'valid', 'vpc-ec2-rds.yaml'), ['cfn', 'scalelab'])).toEqual([]);
  });
});

describe('valid real-world templates', () => {
  it.each(fixtureFiles('valid'))('%s has no errors and no warnings', (file) => {
    expect(validate(file)).toEqual([]);
  });
});

describe('templates/ (what learners deploy)', () => {
  it('every template validates with zero errors', async () => {
    const root = join(FIXTURES, '..', '..', '..', 'templates');
    if (!existsSync(root)) return;
    const lines: string[] = [];
    const code = await runValidate([relative(process.cwd(), root)], { rules: 'cfn,scalelab', warnings: false }, (l) =>
      lines.push(l),
    );
    expect(lines.slice(0, -1)).toEqual([]);
    expect(code).toBe(0);
  });
});
