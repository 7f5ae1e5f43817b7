import { describe, expect, it } from 'vitest';
import { hoverTarget } from '@/lib/stacks/hover-target';

const template = `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required
      Tags:
        - Key: a
  Db:
    Properties:
      Engine: mysql
    Type: 'AWS::RDS::DBInstance'
`;

describe('what the editor hovers', () => {
  it('names the resource type on its Type line', () => {
    expect(hoverTarget(template, 3, 14)).toEqual({ type: 'AWS::EC2::Instance' });
  });
  it('names a property with its resource type', () => {
    expect(hoverTarget(template, 5, 8)).toEqual({ type: 'AWS::EC2::Instance', property: 'InstanceType' });
  });
  it('finds the type when Properties comes first', () => {
    expect(hoverTarget(template, 12, 7)).toEqual({ type: 'AWS::RDS::DBInstance', property: 'Engine' });
  });
  it('does not guess for nested keys or values', () => {
    expect(hoverTarget(template, 7, 9)).toBeUndefined();
    expect(hoverTarget(template, 5, 25)).toBeUndefined();
    expect(hoverTarget(template, 1, 2)).toBeUndefined();
  });
});
