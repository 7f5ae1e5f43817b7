import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { preflight, roleArnOfSession } from '@/lib/stacks/preflight';
import { awsError, type Fixtures, fixtureClients } from '../support/aws-fixtures';

const stage00 = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
const role = {
  kind: 'role' as const,
  roleArn: 'arn:aws:iam::123456789012:role/ScaleLabOperator',
  externalId: 'x',
  regions: ['us-east-1'],
};
const base = (over: Fixtures = {}): Fixtures => ({
  'STS.GetCallerIdentity': {
    Account: '123456789012',
    Arn: 'arn:aws:sts::123456789012:assumed-role/ScaleLabOperator/scalelab',
  },
  'EC2.DescribeVpcs': { Vpcs: [{ VpcId: 'vpc-default', IsDefault: true }] },
  'EC2.DescribeAddresses': { Addresses: [] },
  'IAM.SimulatePrincipalPolicy': {
    EvaluationResults: [{ EvalActionName: 'ec2:RunInstances', EvalDecision: 'allowed' }],
  },
  ...over,
});
const run = (f: Fixtures, exists = false) => preflight(fixtureClients(f, role), stage00, exists);
const stage03 = readFileSync('templates/03-scale-out/solution.yaml', 'utf8');
const noDistributions: Fixtures = {
  'CloudFront.ListDistributions': { DistributionList: { Quantity: 0, MaxItems: 1, Marker: '', IsTruncated: false } },
};
const unverified =
  'Your account must be verified before you can add new CloudFront resources. To verify your account, please contact AWS Support (https://console.aws.amazon.com/support/home#/) and include this error message.';

describe('the launch pre-flight on a real account', () => {
  it('passes an account with room and the permissions', async () => {
    expect(await run(base())).toEqual({ problems: [], notes: [] });
  });

  it('stops a launch that would pass the VPC quota, saying how to fix it', async () => {
    const vpcs = Array.from({ length: 5 }, (_, i) => ({ VpcId: `vpc-${i}` }));
    const { problems } = await run(base({ 'EC2.DescribeVpcs': { Vpcs: vpcs } }));
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'quota', message: expect.stringMatching(/5 VPCs.*quota is 5/) }),
    ]);
  });

  it('stops a launch that would pass the Elastic IP quota', async () => {
    const addresses = Array.from({ length: 5 }, (_, i) => ({ AllocationId: `eipalloc-${i}` }));
    const { problems } = await run(base({ 'EC2.DescribeAddresses': { Addresses: addresses } }));
    expect(problems[0]?.message).toMatch(/5 Elastic IPs/);
  });

  it('does not count quotas for an update of an existing stack', async () => {
    const vpcs = Array.from({ length: 5 }, (_, i) => ({ VpcId: `vpc-${i}` }));
    expect((await run(base({ 'EC2.DescribeVpcs': { Vpcs: vpcs } }), true)).problems).toEqual([]);
  });

  it('names the actions the role may not perform', async () => {
    const { problems } = await run(
      base({
        'IAM.SimulatePrincipalPolicy': {
          EvaluationResults: [
            { EvalActionName: 'ec2:RunInstances', EvalDecision: 'implicitDeny' },
            { EvalActionName: 'ec2:CreateVpc', EvalDecision: 'allowed' },
          ],
        },
      }),
    );
    expect(problems).toEqual([
      {
        kind: 'permission',
        message: expect.stringContaining('arn:aws:iam::123456789012:role/ScaleLabOperator may not ec2:RunInstances'),
        ko: expect.stringContaining('arn:aws:iam::123456789012:role/ScaleLabOperator에는 ec2:RunInstances'),
      },
    ]);
  });

  it('notes, without failing, when the role may not simulate its own policy', async () => {
    const result = await run(base({ 'IAM.SimulatePrincipalPolicy': awsError('AccessDenied', 'no', 403) }));
    expect(result.problems).toEqual([]);
    expect(result.notes[0]).toMatch(/not simulated \(AccessDenied\)/);
  });

  it('stops a CloudFront stage in an account AWS has not verified for CloudFront yet, saying what to do', async () => {
    const f = base({
      ...noDistributions,
      'CloudFront.CreateOriginAccessControl': awsError('AccessDenied', unverified, 403),
    });
    const { problems } = await preflight(fixtureClients(f, role), stage03, true);
    expect(problems).toEqual([
      {
        kind: 'account',
        message: expect.stringMatching(/until AWS verifies it.*AWS Support/),
        ko: expect.stringMatching(/AWS가 이 계정을 확인할 때까지 CloudFront가 새 리소스를 거부합니다.*AWS Support/),
      },
    ]);
  });

  it('lets a CloudFront stage through when the probe resource is created (and deletes it again)', async () => {
    const f = base({
      ...noDistributions,
      'CloudFront.CreateOriginAccessControl': { OriginAccessControl: { Id: 'E2PROBE' }, ETag: 'E1' },
      'CloudFront.DeleteOriginAccessControl': {},
    });
    const clients = fixtureClients(f, role);
    expect(await preflight(clients, stage03, true)).toEqual({ problems: [], notes: [] });
  });

  it('does not probe CloudFront in an account that already has a distribution, nor for a stage without one', async () => {
    const f = base({
      'CloudFront.ListDistributions': { DistributionList: { Quantity: 1, MaxItems: 1, Marker: '', IsTruncated: true } },
    });
    expect((await preflight(fixtureClients(f, role), stage03, true)).problems).toEqual([]);
    // Stage 00 has no distribution: no CloudFront fixture is needed at all (an unexpected call would fail).
    expect((await run(base())).problems).toEqual([]);
  });

  it('turns an assumed-role session into its role', () => {
    expect(roleArnOfSession('arn:aws:sts::123456789012:assumed-role/ScaleLabOperator/scalelab')).toBe(
      'arn:aws:iam::123456789012:role/ScaleLabOperator',
    );
    expect(roleArnOfSession('arn:aws:iam::123456789012:user/alice')).toBeUndefined();
  });
});
