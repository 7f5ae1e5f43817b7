import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Diagnostic, loadSpec, parseTemplate, type Spec, validateWithSpec } from '@/lib/cfn';
import {
  type DiagnosticKey,
  type DiagnosticText,
  diagnosticCatalog,
  placeholders,
  renderDiagnostic,
} from '@/lib/cfn/diagnostic-text';
import { diagnosticsEn } from '@/lib/i18n/messages-diagnostics';
import { largeTemplate } from '../stacks/large-template';

let spec: Spec;
beforeAll(async () => {
  spec = await loadSpec();
});

const queue = (props = '') => `  Q:\n    Type: AWS::SQS::Queue\n${props}`;
const doc = (body: string) => `AWSTemplateFormatVersion: '2010-09-09'\n${body}`;
const withQueue = (extra: string) => doc(`${extra}Resources:\n${queue()}`);
const sg = (ingress: string) =>
  doc(`Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: d\n${ingress}`);

/** One template per message, each making the rule say it (the key is the message, not the rule id). */
const cases: [DiagnosticKey, string, string?][] = [
  ['parse.tooLarge', `# ${'x'.repeat(1_000_100)}\n`],
  ['parse.tooDeep', `Resources: ${'['.repeat(101)}${']'.repeat(101)}\n`],
  ['parse.aliasExpansion', `a: &a [${'x,'.repeat(200)}x]\nb: &b [${'*a,'.repeat(60)}*a]\n`],
  ['parse.aliasEndless', 'a: &a [1]\nb: &b [*a, *a]\n'.replace('b: &b [*a, *a]', 'b: &b [*b]')],
  ['parse.json', '{ "Resources": { "Q": } }', 't.json'],
  ['parse.unknownTag', doc('Resources:\n  Q:\n    Type: !Nope x\n')],
  ['parse.notAMapping', '- a\n- b\n'],
  ['yaml.tab', 'Resources:\n\tQ:\n    Type: x\n'],
  ['yaml.unclosedFlow', 'Resources:\n  A: { Type: x\n'],
  [
    'yaml.indentMismatch',
    'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n   Properties:\n      CidrBlock: 10.0.0.0/16\n',
  ],
  ['yaml.twoKeys', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: CidrBlock: 10.0.0.0/16\n'],
  ['yaml.tooDeep', 'Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n      Properties:\n        CidrBlock: 10.0.0.0/16\n'],
  ['yaml.noColon', 'Resources:\n  Vpc\n    Type: a\n'],
  ['yaml.duplicateKey', 'Resources:\n  Vpc:\n    Type: a\n  Vpc:\n    Type: b\n'],
  ['yaml.unclosedQuote', "Resources:\n  A:\n    Type: 'x\n"],
  ['structure.unknownSection', withQueue('Resorces: {}\n')],
  ['structure.version', `AWSTemplateFormatVersion: '2011-01-01'\nResources:\n${queue()}`],
  ['structure.noResources', doc('Description: nothing\n')],
  ['structure.emptyResources', doc('Resources: {}\n')],
  ['structure.logicalId', doc('Resources:\n  my-queue:\n    Type: AWS::SQS::Queue\n')],
  ['structure.resourceNotAMapping', doc('Resources:\n  Q: just a string\n')],
  ['structure.noType', doc('Resources:\n  Q:\n    Properties: {}\n')],
  ['structure.unknownResourceAttribute', doc(`Resources:\n${queue('    DependOn: X\n')}`)],
  ['structure.deletionPolicy', doc(`Resources:\n${queue('    DeletionPolicy: Keep\n')}`)],
  ['structure.outputNoValue', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Description: d\n`)],
  ['structure.unknownOutputKey', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: v\n    Exports: x\n`)],
  ['structure.exportNoName', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: v\n    Export: {}\n`)],
  ['properties.unknownType', doc('Resources:\n  Q:\n    Type: AWS::SQS::Queues\n')],
  ['properties.notAMapping', doc(`Resources:\n${queue('    Properties: [1]\n')}`)],
  ['properties.unknown', doc(`Resources:\n${queue('    Properties:\n      VisibilityTimeOut: 5\n')}`)],
  ['properties.required', doc('Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n')],
  ['properties.wrongType', doc(`Resources:\n${queue('    Properties:\n      DelaySeconds: [1]\n')}`)],
  [
    'properties.allowedValue',
    doc('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      AbacStatus: Enable\n'),
  ],
  ['references.conditionRefsResource', doc(`Conditions:\n  C: !Equals [!Ref Q, x]\nResources:\n${queue()}`)],
  ['references.unknownRef', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !Ref Nope\n`)],
  ['references.unknownCondition', doc(`Resources:\n${queue('    Condition: Nope\n')}`)],
  ['references.unknownAttribute', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !GetAtt Q.Nope\n`)],
  ['references.argCount', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !Join [x]\n`)],
  [
    'references.argCountRange',
    doc(`Conditions:\n  A: !Equals [a, a]\n  C: !And [!Condition A]\nResources:\n${queue()}`),
  ],
  ['references.refArgument', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !Ref [a]\n`)],
  ['references.getAttUnknownResource', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !GetAtt Nope.Arn\n`)],
  ['references.subArguments', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !Sub [1]\n`)],
  ['references.subUnknownVariable', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !Sub '\${Nope}'\n`)],
  ['references.ifArguments', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !If [[a], b, c]\n`)],
  ['references.unknownMapping', doc(`Resources:\n${queue()}Outputs:\n  O:\n    Value: !FindInMap [M, a, b]\n`)],
  [
    'references.unknownMappingKey',
    doc(`Mappings:\n  M:\n    a: { b: c }\nResources:\n${queue()}Outputs:\n  O:\n    Value: !FindInMap [M, z, b]\n`),
  ],
  [
    'references.dynamicReference',
    doc(`Resources:\n${queue('    Properties:\n      QueueName: "{{resolve:vault:x}}"\n')}`),
  ],
  ['references.dependsOnUnknown', doc(`Resources:\n${queue('    DependsOn: Nope\n')}`)],
  [
    'cycles.circular',
    doc(
      'Resources:\n  A:\n    Type: AWS::SQS::Queue\n    DependsOn: B\n  B:\n    Type: AWS::SQS::Queue\n    DependsOn: A\n',
    ),
  ],
  ['parameters.unknownKey', withQueue('Parameters:\n  P:\n    Type: String\n    Defaults: x\n')],
  ['parameters.noType', withQueue('Parameters:\n  P:\n    Default: x\n')],
  ['parameters.unknownType', withQueue('Parameters:\n  P:\n    Type: Strng\n')],
  ['parameters.alsoResource', withQueue('Parameters:\n  Q:\n    Type: String\n')],
  ['parameters.unused', withQueue('Parameters:\n  P:\n    Type: String\n')],
  [
    'parameters.defaultNotAllowed',
    withQueue('Parameters:\n  P:\n    Type: String\n    Default: c\n    AllowedValues: [a, b]\n'),
  ],
  ['parameters.defaultNotNumber', withQueue('Parameters:\n  P:\n    Type: Number\n    Default: many\n')],
  [
    'parameters.defaultPattern',
    withQueue("Parameters:\n  P:\n    Type: String\n    Default: abc\n    AllowedPattern: '[0-9]+'\n"),
  ],
  ['parameters.defaultShort', withQueue('Parameters:\n  P:\n    Type: String\n    Default: ab\n    MinLength: 3\n')],
  ['parameters.defaultLong', withQueue('Parameters:\n  P:\n    Type: String\n    Default: abcd\n    MaxLength: 3\n')],
  ['parameters.defaultBelow', withQueue('Parameters:\n  P:\n    Type: Number\n    Default: 1\n    MinValue: 2\n')],
  ['parameters.defaultAbove', withQueue('Parameters:\n  P:\n    Type: Number\n    Default: 3\n    MaxValue: 2\n')],
  ['lab.tags', doc('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n')],
  ['lab.exports', doc('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n')],
  [
    'lab.hardcodedAmi',
    doc('Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n'),
  ],
  [
    'lab.hardcodedAccount',
    doc(`Resources:\n${queue('    Properties:\n      QueueName: "arn:aws:sqs:us-east-1:123456789012:q"\n')}`),
  ],
  [
    'lab.sizeOffered',
    doc(
      'Parameters:\n  Size:\n    Type: String\n    Default: t3.micro\n    AllowedValues: [t3.micro, m5.large]\nResources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: !Ref Size\n',
    ),
  ],
  ['lab.size', doc('Resources:\n  I:\n    Type: AWS::EC2::Instance\n    Properties:\n      InstanceType: m5.large\n')],
  [
    'lab.openAdminPort',
    sg('      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n'),
  ],
  ['lab.templateSize', largeTemplate()],
];

/** Every message in a diagnostic's text, the parts it is made of included. */
function keysIn(text: DiagnosticText, out: DiagnosticText[] = []): DiagnosticText[] {
  out.push(text);
  for (const v of Object.values(text.params ?? {})) {
    if (v && typeof v === 'object' && !Array.isArray(v)) keysIn(v as DiagnosticText, out);
  }
  return out;
}

const diagnose = (body: string, file = 't.yaml'): Diagnostic[] =>
  validateWithSpec(parseTemplate(body, file), spec, ['cfn', 'scalelab']);

describe('the diagnostics catalogue (lib/i18n/messages-diagnostics.ts)', () => {
  it('has every message in English and Korean, with the same placeholders', () => {
    const { en, ko } = diagnosticCatalog;
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as DiagnosticKey[]) {
      expect(placeholders(ko[key]), key).toEqual(placeholders(en[key]));
      expect(ko[key].trim(), key).not.toBe('');
      // Korean words, unless the message is only its parameters ('{detail}') or a literal (`{ Key, Value }`).
      if (/[a-z]{3}/.test(en[key].replace(/\{\w+\}|AWS::\S+|Fn::\S+|\$\{[^}]*\}/g, ''))) {
        expect(ko[key], key).toMatch(/[가-힣]/);
      }
    }
  });

  it('has no message that lib/cfn never reports', () => {
    const dir = join(process.cwd(), 'lib', 'cfn');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const source = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // The compiler checks that every key reported is in the catalogue (DiagnosticKey); this, that none is unused.
    const used = new Set([...source.matchAll(/'([a-z]+\.[A-Za-z]+)'/g)].map((m) => m[1]));
    // Built from a value's kind (`type.${...}`, `actual.${...}`) rather than written out.
    const built = /^(type\.(string|number|boolean)|actual\.(string|number|boolean))$/;
    for (const key of Object.keys(diagnosticsEn)) if (!built.test(key)) expect(used, key).toContain(key);
  });
});

describe('each rule reports a message that exists in both languages, with the parameters it names', () => {
  it.each(cases)('%s', (key, body, file) => {
    const found = diagnose(body, file).filter((d) => d.text.key === key);
    expect(found.length, JSON.stringify(diagnose(body, file).map((d) => d.message))).toBeGreaterThan(0);
    for (const d of found) {
      // The CLI's English message is the English rendering.
      expect(d.message).toBe(renderDiagnostic(d.text, 'en'));
      for (const part of keysIn(d.text)) {
        const given = Object.keys(part.params ?? {}).sort();
        expect(given, part.key).toEqual(placeholders(diagnosticsEn[part.key]));
      }
      const ko = renderDiagnostic(d.text, 'ko');
      expect(ko).not.toMatch(/(?<!\$)\{\w+\}/);
      expect(ko).not.toBe(d.message);
    }
  });

  it('covers every message that is not a part of another', () => {
    const covered = new Set(cases.map(([key]) => key));
    const parts = /^(hint|type|actual)\.|^yaml\.(firstOnLine|other)$/;
    for (const key of Object.keys(diagnosticsEn)) if (!parts.test(key)) expect(covered, key).toContain(key);
  });
});

const cfnOnly = (body: string) => validateWithSpec(parseTemplate(body, 't.yaml'), spec, ['cfn']);

describe('rendering in the page language', () => {
  it('says a misspelt property, its suggestion and a wrong value type in Korean', () => {
    const [unknown] = cfnOnly(doc(`Resources:\n${queue('    Properties:\n      VisibilityTimeOut: 5\n')}`));
    expect(unknown?.message).toBe(
      "Unknown property 'VisibilityTimeOut' in AWS::SQS::Queue. Did you mean 'VisibilityTimeout'?",
    );
    expect(renderDiagnostic(unknown!.text, 'ko')).toBe(
      "AWS::SQS::Queue에 알 수 없는 속성 'VisibilityTimeOut'이(가) 있습니다. 혹시 'VisibilityTimeout'인가요?",
    );
    const [wrong] = cfnOnly(doc(`Resources:\n${queue('    Properties:\n      DelaySeconds: [1]\n')}`));
    expect(wrong?.message).toBe('AWS::SQS::Queue.DelaySeconds must be an integer, not a list.');
    expect(renderDiagnostic(wrong!.text, 'ko')).toBe(
      'AWS::SQS::Queue.DelaySeconds의 값이 목록입니다. 필요한 값: 정수.',
    );
  });

  it('lists tag keys the way each language lists things', () => {
    const tags = diagnose(
      doc('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n'),
    ).find((d) => d.rule === 'scalelab/tags');
    expect(tags?.message).toBe('Vpc (AWS::EC2::VPC) must be tagged scalelab:lab and scalelab:role in Tags.');
    expect(renderDiagnostic(tags!.text, 'ko')).toBe(
      'Vpc(AWS::EC2::VPC)의 Tags에 scalelab:lab 및 scalelab:role 태그가 있어야 합니다.',
    );
  });

  it('says the lab advice a learner may override (port 22 open to the world) in Korean', () => {
    const body = sg(
      '      SecurityGroupIngress:\n        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n',
    );
    const open = diagnose(body).find((d) => d.rule === 'scalelab/open-admin-port');
    expect(open?.message).toBe('Sg opens port 22 to the world (0.0.0.0/0): use Session Manager instead.');
    expect(renderDiagnostic(open!.text, 'ko')).toBe(
      'Sg이(가) 22번 포트를 전 세계(0.0.0.0/0)에 엽니다. 대신 Session Manager를 쓰세요.',
    );
  });
});
