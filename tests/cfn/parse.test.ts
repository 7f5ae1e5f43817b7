import { describe, expect, it } from 'vitest';
import { parseTemplate, toPlain } from '@/lib/cfn';

describe('parseTemplate', () => {
  it('turns every short-form tag into its long-form intrinsic', () => {
    const text = [
      'Resources:',
      '  A:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: !Join',
      "        - '-'",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Sub syntax, not a JS template
      "        - [!Ref AWS::StackName, !Select [0, !Split [',', !Sub 'a,${AWS::Region}']], !Base64 x]",
      '      Tags:',
      '        - Key: k',
      '          Value: !If [C, !GetAZs "", !Cidr [10.0.0.0/16, 2, 8]]',
      '        - Key: j',
      '          Value: !FindInMap [M, !ImportValue e, !GetAtt B.Arn]',
      'Conditions:',
      '  C: !And [!Equals [a, b], !Not [!Or [!Condition D, !Condition D]]]',
      '  D: !Equals [x, x]',
    ].join('\n');
    const t = parseTemplate(text, 't.yaml');
    expect(t.diagnostics).toEqual([]);
    expect(toPlain(t.root)).toEqual({
      Resources: {
        A: {
          Type: 'AWS::SQS::Queue',
          Properties: {
            QueueName: {
              'Fn::Join': [
                '-',
                [
                  { Ref: 'AWS::StackName' },
                  // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Sub syntax, not a JS template
                  { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::Sub': 'a,${AWS::Region}' }] }] },
                  { 'Fn::Base64': 'x' },
                ],
              ],
            },
            Tags: [
              { Key: 'k', Value: { 'Fn::If': ['C', { 'Fn::GetAZs': '' }, { 'Fn::Cidr': ['10.0.0.0/16', 2, 8] }] } },
              {
                Key: 'j',
                Value: { 'Fn::FindInMap': ['M', { 'Fn::ImportValue': 'e' }, { 'Fn::GetAtt': ['B', 'Arn'] }] },
              },
            ],
          },
        },
      },
      Conditions: {
        C: {
          'Fn::And': [
            { 'Fn::Equals': ['a', 'b'] },
            { 'Fn::Not': [{ 'Fn::Or': [{ Condition: 'D' }, { Condition: 'D' }] }] },
          ],
        },
        D: { 'Fn::Equals': ['x', 'x'] },
      },
    });
  });

  it('keeps the position of a short-form tag and splits a dotted GetAtt at the first dot', () => {
    const t = parseTemplate('Outputs:\n  E:\n    Value: !GetAtt Db.Endpoint.Address\n', 'o.yaml');
    const value = t.outputs[0]?.node.entries[0]?.value;
    expect(value).toMatchObject({ kind: 'fn', name: 'Fn::GetAtt', pos: { line: 3, column: 12 } });
    expect(toPlain(value)).toEqual({ 'Fn::GetAtt': ['Db', 'Endpoint.Address'] });
    expect(value?.kind === 'fn' && value.arg.kind === 'seq' && value.arg.items[1]?.pos).toEqual({
      line: 3,
      column: 23,
    });
  });

  it('reads resources, parameters, DependsOn and Condition with their positions from JSON', () => {
    const json =
      '{\n  "Parameters": { "P": { "Type": "String" } },\n  "Resources": {\n    "A": { "Type": "AWS::SQS::Queue", "DependsOn": ["B"], "Condition": "C" }\n  }\n}';
    const t = parseTemplate(json, 't.json');
    expect(t.format).toBe('json');
    expect(t.parameters.map((p) => [p.name, p.type, p.pos])).toEqual([['P', 'String', { line: 2, column: 19 }]]);
    expect(t.resources[0]).toMatchObject({
      logicalId: 'A',
      pos: { line: 4, column: 5 },
      type: 'AWS::SQS::Queue',
      typePos: { line: 4, column: 20 },
      dependsOn: [{ name: 'B', pos: { line: 4, column: 53 } }],
      condition: { name: 'C', pos: { line: 4, column: 72 } },
    });
  });

  it('treats an IAM policy Condition block as data, not the Condition function', () => {
    const t = parseTemplate('Resources:\n  A:\n    Condition: {StringEquals: {a: b}}\n', 'c.yaml');
    expect(toPlain(t.root)).toEqual({ Resources: { A: { Condition: { StringEquals: { a: 'b' } } } } });
  });

  it('reports a duplicate key as a YAML error at its line', () => {
    const t = parseTemplate('Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n', 'd.yaml');
    expect(t.root).toBeUndefined();
    expect(t.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`)).toEqual(['4:3 yaml-syntax']);
  });

  it('rejects a template that is not a mapping', () => {
    expect(parseTemplate('- a\n- b\n', 'l.yaml').diagnostics.map((d) => d.rule)).toEqual(['template-structure']);
  });
});
