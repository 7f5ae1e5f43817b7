import { describe, expect, it } from 'vitest';
import { parseTemplate } from '@/lib/cfn';
import { renderDiagnostic } from '@/lib/cfn/diagnostic-text';

const first = (text: string) => {
  const d = parseTemplate(text, 'template.yaml').diagnostics[0];
  return { line: d?.line, en: d?.message ?? '', ko: d ? renderDiagnostic(d.text, 'ko') : '' };
};

describe('YAML mistakes said for people', () => {
  it('names the line indented one level too deep', () => {
    const d = first('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n      Properties:\n        CidrBlock: 10.0.0.0/16\n');
    expect(d.en).toBe(
      'Line 4 is indented one level too deep: line 3 (Type) already has its value. Indent line 4 like line 3 (4 spaces), or remove the value on line 3 to nest under it.',
    );
    expect(d.ko).toBe(
      '4번째 줄이 한 수준 너무 깊게 들여쓰기되어 있습니다. 3번째 줄(Type)에는 이미 값이 있습니다. 4번째 줄을 3번째 줄처럼 4칸 들여쓰거나, 그 아래에 넣으려면 3번째 줄의 값을 지우세요.',
    );
  });

  it('compares a line indented less than the mapping it continues', () => {
    const d = first('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n   Properties:\n      CidrBlock: 10.0.0.0/16\n');
    expect(d.en).toMatch(/^Line 4 is indented 3 spaces but line 3 above it 4/);
  });

  it('says a tab is not indentation, a key is missing its colon, a key appears twice', () => {
    expect(first('Resources:\n\tVpc:\n    Type: x\n').en).toMatch(/^Line 2 is indented with a tab/);
    expect(first('Resources:\n  Vpc\n    Type: a\n').en).toBe(
      'Line 2 (Vpc) has no colon: a key needs one after it (Vpc:).',
    );
    expect(first('Resources:\n  Vpc:\n    Type: a\n  Vpc:\n    Type: b\n').en).toMatch(
      /^Vpc appears twice in the same mapping \(first on line 2\)/,
    );
  });

  it('spots a pasted snippet joined onto its parent’s line, and unclosed brackets and quotes', () => {
    expect(first('Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: CidrBlock: 10.0.0.0/16\n').en).toMatch(
      /^Line 4 has two keys on one line/,
    );
    expect(first('Resources:\n  A: { Type: x\n').en).toMatch(/is not closed: add the closing \} or \]/);
    expect(first("Resources:\n  A:\n    Type: 'x\n").en).toMatch(/^A quoted value is not closed/);
  });
});
