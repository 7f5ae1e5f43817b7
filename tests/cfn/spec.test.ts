import { describe, expect, it } from 'vitest';
import { loadSpec, propertyReplacement } from '@/lib/cfn';

describe('the resource spec', () => {
  it('is loaded once and shared', async () => {
    expect(await loadSpec()).toBe(await loadSpec());
  });

  it.each([
    ['AWS::EC2::VPC', 'CidrBlock', 'yes'],
    ['AWS::EC2::VPC', 'Tags', 'no'],
    ['AWS::RDS::DBInstance', 'DBInstanceClass', 'no'],
    ['AWS::RDS::DBInstance', 'DBName', 'yes'],
    ['AWS::EC2::Instance', 'InstanceType', 'maybe'],
    ['AWS::SQS::Queue', 'QueueName', 'yes'],
    ['AWS::EC2::VPC', 'NoSuchProperty', 'maybe'],
    ['AWS::Nope::Nope', 'X', 'maybe'],
  ])('changing %s.%s replaces the resource: %s', async (type, property, expected) => {
    expect(await propertyReplacement(type, property)).toBe(expected);
  });
});
