import { describe, expect, it } from 'vitest';
import { evaluate, type NamedPolicy, type Statement } from '@/lib/iam';

const policy = (...Statement: Statement[]): NamedPolicy[] => [{ name: 'p', document: { Statement } }];
const decide = (p: NamedPolicy[], action: string, resource = '*', context = {}) =>
  evaluate(p, { action, resource, context }).decision;

describe('identity policy evaluation', () => {
  it('allows a matching action case-insensitively with * and ? wildcards, and denies what nothing allows', () => {
    const p = policy({ Effect: 'Allow', Action: ['ec2:Describe*', 'rds:CreateDBInstanc?'], Resource: '*' });
    expect(decide(p, 'EC2:describeinstances')).toBe('allow');
    expect(decide(p, 'rds:CreateDBInstance')).toBe('allow');
    expect(decide(p, 'rds:DeleteDBInstance')).toBe('implicit-deny');
  });

  it('lets an explicit Deny win over an Allow, and NotAction / NotResource invert the match', () => {
    const p = policy(
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:DeleteBucket', NotResource: 'arn:aws:s3:::scalelab-*' },
    );
    expect(decide(p, 'ec2:RunInstances')).toBe('allow');
    expect(decide(p, 'iam:CreateRole')).toBe('implicit-deny');
    expect(decide(p, 's3:DeleteBucket', 'arn:aws:s3:::prod-data')).toBe('explicit-deny');
    expect(decide(p, 's3:DeleteBucket', 'arn:aws:s3:::scalelab-x')).toBe('allow');
  });

  it('matches resources case-sensitively', () => {
    const p = policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/scalelab-*' });
    expect(decide(p, 'iam:PassRole', 'arn:aws:iam::1:role/scalelab-web')).toBe('allow');
    expect(decide(p, 'iam:PassRole', 'arn:aws:iam::1:role/ScaleLab-web')).toBe('implicit-deny');
  });

  it.each([
    [
      { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      { 'iam:PassedToService': 'ec2.amazonaws.com' },
      true,
    ],
    [
      { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      { 'iam:PassedToService': 'lambda.amazonaws.com' },
      false,
    ],
    [{ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } }, {}, false],
    [{ StringNotEquals: { 'aws:RequestTag/env': 'prod' } }, {}, true],
    [{ StringNotEquals: { 'aws:RequestTag/env': 'prod' } }, { 'aws:RequestTag/env': 'prod' }, false],
    [
      { StringLike: { 'aws:ResourceTag/scalelab:lab': 'scalelab-*' } },
      { 'aws:resourcetag/scalelab:lab': 'scalelab-a' },
      true,
    ],
    [
      { StringLike: { 'aws:ResourceTag/scalelab:lab': 'scalelab-*' } },
      { 'aws:ResourceTag/scalelab:lab': 'other' },
      false,
    ],
    [
      { 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } },
      { 'aws:CalledVia': ['athena.amazonaws.com', 'cloudformation.amazonaws.com'] },
      true,
    ],
    [{ 'ForAnyValue:StringEquals': { 'aws:CalledVia': 'cloudformation.amazonaws.com' } }, {}, false],
    [{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['scalelab:lab', 'Name'] } }, { 'aws:TagKeys': ['Name'] }, true],
    [{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['scalelab:lab'] } }, { 'aws:TagKeys': ['Name'] }, false],
    [{ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['scalelab:lab'] } }, {}, true],
    [{ Null: { 'aws:RequestTag/scalelab:lab': 'false' } }, { 'aws:RequestTag/scalelab:lab': 'scalelab-a' }, true],
    [{ Null: { 'aws:RequestTag/scalelab:lab': 'false' } }, {}, false],
    [{ Null: { 'aws:RequestTag/scalelab:lab': 'true' } }, {}, true],
    [{ Bool: { 'aws:ViaAWSService': 'true' } }, { 'aws:ViaAWSService': 'true' }, true],
    [{ Bool: { 'aws:ViaAWSService': 'true' } }, {}, false],
    [{ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::scalelab-*' } }, { 'aws:SourceArn': 'arn:aws:s3:::scalelab-b' }, true],
    [{ StringEqualsIfExists: { 'aws:RequestTag/env': 'lab' } }, {}, true],
  ])('condition %j with context %j holds: %s', (Condition, context, holds) => {
    const p = policy({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition });
    expect(decide(p, 'ec2:RunInstances', '*', context)).toBe(holds ? 'allow' : 'implicit-deny');
  });
});
