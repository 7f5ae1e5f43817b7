import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { leavePartition } from '@/lib/sandbox/accounts';
import { createStack, expectAccepted, expectRefused, sandbox, sdkReason, template } from './support';

const bucket = (name: string, extra = '') =>
  `  Bucket: { Type: AWS::S3::Bucket, Properties: { BucketName: ${name}${extra} } }\n`;

describe("S3 ('s3.bucket-name-global')", () => {
  afterAll(() => ['222233334444', '555566667777'].forEach(leavePartition));
  it('refuses a name another account of the partition holds, with S3’s bare answer', async () => {
    const mine = createSandbox({ accountId: '222233334444', shareNames: true }).clientsFor('us-east-1');
    const theirs = createSandbox({ accountId: '555566667777', shareNames: true }).clientsFor('eu-west-1');
    await expectAccepted(template(bucket('scalelab-taken-name'), false), theirs);
    await expectRefused(template(bucket('scalelab-taken-name'), false), /^scalelab-taken-name already exists$/, mine);
    await expectAccepted(template(bucket('scalelab-free-name'), false), mine);
  });
  it('refuses a name the same account holds in another Region, naming the stack', async () => {
    const sb = createSandbox({ accountId: '111122223333' });
    await expectAccepted(template(bucket('scalelab-mine'), false), sb.clientsFor('us-west-2'));
    await expectRefused(
      template(bucket('scalelab-mine'), false),
      /^scalelab-mine already exists in stack arn:aws:cloudformation:us-west-2:111122223333:stack\//,
      sb.clientsFor('us-east-1'),
    );
  });
});

describe("'s3.replication-needs-versioning'", () => {
  const replicated = (sourceVersioned: boolean, destinationVersioned: boolean) =>
    template(
      `
  Destination:
    Type: AWS::S3::Bucket
    Properties: ${destinationVersioned ? '{ VersioningConfiguration: { Status: Enabled } }' : '{}'}
  ReplicationRole:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: s3.amazonaws.com }, Action: 'sts:AssumeRole' }] } }
  Source:
    Type: AWS::S3::Bucket
    Properties:
      ${sourceVersioned ? 'VersioningConfiguration: { Status: Enabled }' : ''}
      ReplicationConfiguration:
        Role: !GetAtt ReplicationRole.Arn
        Rules: [{ Status: Enabled, Destination: { Bucket: !GetAtt Destination.Arn } }]
`,
      false,
    );
  it('refuses replication from an unversioned source', () =>
    expectRefused(
      replicated(false, true),
      /^Versioning must be 'Enabled' on the bucket to apply a replication configuration$/,
    ));
  it('refuses replication to an unversioned destination', () =>
    expectRefused(replicated(true, false), /^Destination bucket must have versioning enabled\.$/));
  it('accepts versioning at both ends', () => expectAccepted(replicated(true, true)));
});

describe("names global to the account ('cloudfront.oac-name-unique', 'cloudwatch.dashboard-name-global', 'iam.role-name-unique', 'iam.instance-profile-name-unique', 'iam.managed-policy-name-unique')", () => {
  const NAMED = template(
    `
  Oac:
    Type: AWS::CloudFront::OriginAccessControl
    Properties: { OriginAccessControlConfig: { Name: shop-static, OriginAccessControlOriginType: s3, SigningBehavior: always, SigningProtocol: sigv4 } }
  Dashboard: { Type: AWS::CloudWatch::Dashboard, Properties: { DashboardName: shop-fleet, DashboardBody: '{"widgets":[]}' } }
  Role:
    Type: AWS::IAM::Role
    Properties: { RoleName: shop-web, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: 'sts:AssumeRole' }] } }
  Profile: { Type: AWS::IAM::InstanceProfile, Properties: { InstanceProfileName: shop-web, Roles: [!Ref Role] } }
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties: { ManagedPolicyName: shop-read, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Action: 's3:GetObject', Resource: '*' }] } }
`,
    false,
  );
  it('refuses each name when the same stack is deployed in a second Region, in each service’s words', async () => {
    const sb = createSandbox({ accountId: '111122223333' });
    await expectAccepted(NAMED, sb.clientsFor('us-east-1'));
    const west = sb.clientsFor('us-west-2');
    const failed = await createStack(west, NAMED, 'shop');
    expect(failed.status).toBe('ROLLBACK_COMPLETE');
    const reasons = await import('@aws-sdk/client-cloudformation').then(async ({ DescribeStackEventsCommand }) =>
      ((await west.cloudformation.send(new DescribeStackEventsCommand({ StackName: 'shop' }))).StackEvents ?? [])
        .filter((e) => e.ResourceStatus === 'CREATE_FAILED')
        .map((e) => [e.LogicalResourceId, e.ResourceStatusReason]),
    );
    const reason = Object.fromEntries(reasons);
    expect(reason.Oac).toMatch(
      sdkReason('An origin access control with the same name already exists.', 'CloudFront', 'AlreadyExists', 409),
    );
    expect(reason.Dashboard).toBe(
      `Resource handler returned message: "Resource of type 'AWS::CloudWatch::Dashboard' with identifier 'shop-fleet' already exists." (HandlerErrorCode: AlreadyExists)`,
    );
    expect(reason.Role).toMatch(sdkReason('Role with name shop-web already exists.', 'Iam', 'AlreadyExists', 409));
    expect(reason.Policy).toMatch(
      sdkReason(
        'A policy called shop-read already exists. Duplicate names are not allowed.',
        'Iam',
        'AlreadyExists',
        409,
      ),
    );
  });
  it('accepts the names in a fresh account', () => expectAccepted(NAMED, sandbox()));
  it('refuses an instance profile name already taken', async () => {
    const clients = sandbox();
    const profile = (role: string) =>
      template(
        `
  ${role}:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: 'sts:AssumeRole' }] } }
  Profile: { Type: AWS::IAM::InstanceProfile, Properties: { InstanceProfileName: shop-profile, Roles: [!Ref ${role}] } }
`,
        false,
      );
    await expectAccepted(profile('RoleA'), clients);
    await expectRefused(
      profile('RoleB'),
      sdkReason('Instance Profile shop-profile already exists.', 'Iam', 'AlreadyExists', 409),
      clients,
    );
  });
});
