import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '@/lib/cfn';
import { evaluate, handlerTable, type Statement, tableTypes } from '@/lib/iam';
import { ACCOUNT, labTemplates, missingActions, operatorPolicies, REGION } from './support';

/** The operator policies with one action taken out of every statement that lists it. */
function without(action: string) {
  const policies = operatorPolicies();
  let removed = 0;
  for (const p of policies)
    for (const st of [p.document.Statement].flat() as Statement[]) {
      if (!Array.isArray(st.Action) && st.Action !== action) continue;
      const before = [st.Action ?? []].flat();
      st.Action = before.filter((a) => a !== action);
      removed += before.length - st.Action.length;
    }
  expect(removed, `${action} is in the role`).toBeGreaterThan(0);
  return policies;
}

describe('the operator role allows what every lab template’s resource handlers do', () => {
  it('has a handler-permissions row for every resource type used under templates/', () => {
    const used = new Set(
      labTemplates().flatMap((f) => parseTemplate(readFileSync(f, 'utf8'), f).resources.map((r) => r.type ?? '')),
    );
    const missing = [...used].filter((t) => !tableTypes().includes(t));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(20);
  });

  it('records where the table comes from and when it was taken', () => {
    expect(handlerTable.source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(handlerTable.source.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [type, row] of Object.entries(handlerTable.types)) {
      expect(row.schema ?? row.source, type).toBeTruthy();
      expect(row.create.length + row.update.length + row.delete.length, type).toBeGreaterThan(0);
    }
  });

  it('allows every create, update and delete handler action of every template (conditions honoured)', () => {
    expect(missingActions(operatorPolicies())).toEqual([]);
  });

  it.each([
    ['rds:CreateDBInstance', 'AWS::RDS::DBInstance'],
    ['ec2:RunInstances', 'AWS::EC2::Instance'],
    ['iam:PassRole', 'AWS::EC2::Instance'],
    ['ec2:DeleteVpc', 'AWS::EC2::VPC'],
    ['s3:CreateBucket', 'AWS::S3::Bucket'],
    ['guardduty:CreateDetector', 'AWS::GuardDuty::Detector'],
  ])('fails naming the template, type and action when %s is removed from the role', (action, type) => {
    const missing = missingActions(without(action));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((m) => m.includes(`needs ${action} `))).toBe(true);
    expect(missing.some((m) => m.includes(`(${type})`) && /^templates\/0\d-[^:]+\.yaml: /.test(m))).toBe(true);
  });

  it('never grants *:* or a whole service', () => {
    const actions = operatorPolicies()
      .filter((p) => !p.name.endsWith('/ReadOnlyAccess'))
      .flatMap((p) => [p.document.Statement].flat().flatMap((st) => [st.Action ?? []].flat()));
    expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });
});

describe('the operator role and the staging bucket', () => {
  const staging = `scalelab-staging-${ACCOUNT}-${REGION}`;
  const viaCfn = { 'aws:CalledVia': ['cloudformation.amazonaws.com'], 'aws:ViaAWSService': true };
  const decide = (action: string, resource: string, context = {}) =>
    evaluate(operatorPolicies(), { action, resource, context }).decision;

  it.each(['s3:PutObject', 's3:GetObject'])('allows %s on the staging bucket’s templates/*', (action) => {
    expect(decide(action, `arn:aws:s3:::${staging}/templates/scalelab-x/abc.yaml`)).toBe('allow');
  });

  it('writes no object outside templates/ and in no other bucket', () => {
    expect(decide('s3:PutObject', `arn:aws:s3:::${staging}/other/abc.yaml`)).not.toBe('allow');
    expect(decide('s3:PutObject', 'arn:aws:s3:::scalelab-learner-site/templates/abc.yaml')).not.toBe('allow');
    expect(decide('s3:PutObject', `arn:aws:s3:::scalelab-staging-210987654321-${REGION}/templates/a.yaml`)).not.toBe(
      'allow',
    );
  });

  it.each([
    ['s3:DeleteBucket', ''],
    ['s3:PutBucketPolicy', ''],
    ['s3:PutLifecycleConfiguration', ''],
    ['s3:DeleteObject', '/templates/a.yaml'],
  ])('denies %s on the staging bucket even through a lab stack', (action, path) => {
    expect(decide(action, `arn:aws:s3:::${staging}${path}`, viaCfn)).toBe('explicit-deny');
    // ...while a lab bucket keeps what the lab templates need.
    expect(decide(action, `arn:aws:s3:::scalelab-learner-site${path}`, viaCfn)).toBe('allow');
  });
});
