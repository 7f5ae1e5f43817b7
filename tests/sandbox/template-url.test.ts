import { readFileSync } from 'node:fs';
import {
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeStacksCommand,
  ValidateTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/lib/sandbox';
import { leavePartition } from '@/lib/sandbox/accounts';
import { parseS3Url } from '@/lib/sandbox/cloudformation/template-url';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { largeTemplate } from '../stacks/large-template';

const ACCOUNT = '864209753124';
const STAGING = `scalelab-staging-${ACCOUNT}-us-east-1`;
const SMALL = 'Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n';
const S3_MORE = 'For more information check http://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';

function account(region = 'us-east-1') {
  const sandbox = createSandbox({ accountId: ACCOUNT });
  return { sandbox, clients: sandbox.clientsFor(region, { maxAttempts: 1 }) };
}

async function staged(body: string, key = 'templates/t.yaml') {
  const { sandbox, clients } = account();
  await clients.s3.send(new PutObjectCommand({ Bucket: STAGING, Key: key, Body: body }));
  return { sandbox, clients, url: `https://${STAGING}.s3.us-east-1.amazonaws.com/${key}` };
}

describe('the sandbox serves TemplateURL from its own S3', () => {
  it.each([
    [`https://${STAGING}.s3.us-east-1.amazonaws.com/templates/t.yaml`],
    [`https://${STAGING}.s3.amazonaws.com/templates/t.yaml`],
    [`https://${STAGING}.s3-us-east-1.amazonaws.com/templates/t.yaml`],
    [`https://s3.us-east-1.amazonaws.com/${STAGING}/templates/t.yaml`],
    [`https://s3.amazonaws.com/${STAGING}/templates/t.yaml`],
  ])('creates a stack from %s', async (url) => {
    const { clients } = await staged(SMALL);
    await clients.cloudformation.send(new CreateStackCommand({ StackName: 'from-url', TemplateURL: url }));
    const stack = (await clients.cloudformation.send(new DescribeStacksCommand({ StackName: 'from-url' }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
  });

  it('validates a template read from TemplateURL, and takes one over 51,200 bytes there', async () => {
    const body = largeTemplate();
    const { clients, url } = await staged(body);
    const out = await clients.cloudformation.send(new ValidateTemplateCommand({ TemplateURL: url }));
    expect(out.Description).toBe('A generated template over 51,200 bytes.');
  });

  it.each([
    [
      'a missing key',
      `https://${STAGING}.s3.us-east-1.amazonaws.com/templates/nope.yaml`,
      `S3 error: The specified key does not exist. ${S3_MORE}`,
    ],
    [
      'a missing bucket',
      'https://scalelab-nothing-here.s3.us-east-1.amazonaws.com/t.yaml',
      `S3 error: The specified bucket does not exist ${S3_MORE}`,
    ],
    ['a URL outside S3', 'https://raw.githubusercontent.com/o/r/main/t.yaml', 'TemplateURL must be a supported URL.'],
    ['an s3:// URI', `s3://${STAGING}/templates/t.yaml`, 'TemplateURL must be a supported URL.'],
    ['plain http', `http://${STAGING}.s3.amazonaws.com/templates/t.yaml`, 'TemplateURL must be a supported URL.'],
    [
      'a static-website URL',
      `https://${STAGING}.s3-website-us-east-1.amazonaws.com/templates/t.yaml`,
      'TemplateURL must be a supported URL.',
    ],
  ])('refuses %s as CloudFormation does', async (_what, url, message) => {
    const { clients } = await staged(SMALL);
    await expect(
      clients.cloudformation.send(
        new CreateChangeSetCommand({ StackName: 'x', ChangeSetName: 'c1', ChangeSetType: 'CREATE', TemplateURL: url }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError', message });
  });

  it('refuses an object over 1 MB, and both TemplateBody and TemplateURL', async () => {
    const { clients, url } = await staged(`${SMALL}#${'x'.repeat(1_000_000)}`);
    await expect(
      clients.cloudformation.send(new CreateStackCommand({ StackName: 'big', TemplateURL: url })),
    ).rejects.toMatchObject({ name: 'ValidationError', message: 'Template may not exceed 1000000 bytes in size.' });
    await expect(
      clients.cloudformation.send(new CreateStackCommand({ StackName: 'both', TemplateURL: url, TemplateBody: SMALL })),
    ).rejects.toMatchObject({ message: 'You cannot specify both Template URL and Template Body.' });
  });

  it('expires staged templates after 1 day, as the staging bucket’s lifecycle rule does', async () => {
    const { sandbox, clients, url } = await staged(SMALL);
    sandbox.snapshot().clockMs = Date.now() + 86_400_000 + 60_000;
    await expect(
      clients.cloudformation.send(new CreateStackCommand({ StackName: 'late', TemplateURL: url })),
    ).rejects.toMatchObject({ message: `S3 error: The specified key does not exist. ${S3_MORE}` });
  });

  it('answers Access Denied for another account’s bucket', async () => {
    const owner = createSandbox({ accountId: '975318642086', shareNames: true });
    const other = createSandbox({ accountId: '864209753135', shareNames: true });
    try {
      const mine = owner.clientsFor('us-east-1');
      await mine.cloudformation.send(
        new CreateStackCommand({
          StackName: 'bucket',
          TemplateBody:
            'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: { BucketName: scalelab-shared-templates }\n',
        }),
      );
      await mine.s3.send(new PutObjectCommand({ Bucket: 'scalelab-shared-templates', Key: 't.yaml', Body: SMALL }));
      const theirs = other.clientsFor('us-east-1', { maxAttempts: 1 });
      await expect(
        theirs.s3.send(new GetObjectCommand({ Bucket: 'scalelab-shared-templates', Key: 't.yaml' })),
      ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
      await expect(
        theirs.cloudformation.send(
          new CreateStackCommand({
            StackName: 'theirs',
            TemplateURL: 'https://scalelab-shared-templates.s3.us-east-1.amazonaws.com/t.yaml',
          }),
        ),
      ).rejects.toMatchObject({ message: `S3 error: Access Denied ${S3_MORE}` });
    } finally {
      leavePartition('975318642086');
      leavePartition('864209753135');
    }
  });
});

describe('the sandbox’s S3 objects', () => {
  it('puts, heads and gets an object in the built-in staging bucket', async () => {
    const { clients } = account();
    await clients.s3.send(new PutObjectCommand({ Bucket: STAGING, Key: 'templates/a.yaml', Body: SMALL }));
    const head = await clients.s3.send(new HeadObjectCommand({ Bucket: STAGING, Key: 'templates/a.yaml' }));
    expect(head.ContentLength).toBe(Buffer.byteLength(SMALL));
    const got = await clients.s3.send(new GetObjectCommand({ Bucket: STAGING, Key: 'templates/a.yaml' }));
    expect(await got.Body?.transformToString()).toBe(SMALL);
  });

  it.each([
    ['a missing bucket', { Bucket: 'scalelab-staging-000000000000-us-east-1' }, 'NoSuchBucket', 404],
    ['another Region’s staging bucket', { Bucket: `scalelab-staging-${ACCOUNT}-us-west-2` }, 'PermanentRedirect', 301],
    [
      'a bucket owner that is not this account',
      { Bucket: STAGING, ExpectedBucketOwner: '000000000000' },
      'AccessDenied',
      403,
    ],
    ['a wrong SHA-256', { Bucket: STAGING, ChecksumSHA256: 'AAAA' }, 'BadDigest', 400],
  ])('refuses a PutObject to %s', async (_what, given, name, status) => {
    const { clients } = account();
    await expect(
      clients.s3.send(new PutObjectCommand({ Key: 'templates/a.yaml', Body: SMALL, ...given })),
    ).rejects.toMatchObject({ name, $metadata: { httpStatusCode: status } });
  });

  it('answers a missing key with NotFound on HEAD and NoSuchKey on GET', async () => {
    const { clients } = account();
    await expect(
      clients.s3.send(new HeadObjectCommand({ Bucket: STAGING, Key: 'templates/none.yaml' })),
    ).rejects.toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
    await expect(
      clients.s3.send(new GetObjectCommand({ Bucket: STAGING, Key: 'templates/none.yaml' })),
    ).rejects.toMatchObject({ name: 'NoSuchKey', message: 'The specified key does not exist.' });
  });

  it('parses the S3 URL forms CloudFormation takes, and nothing else', () => {
    expect(parseS3Url('https://b.s3.us-west-2.amazonaws.com/templates/a%20b.yaml')).toEqual({
      bucket: 'b',
      key: 'templates/a b.yaml',
    });
    expect(parseS3Url('https://s3.dualstack.us-west-2.amazonaws.com/b/k')).toEqual({ bucket: 'b', key: 'k' });
    expect(parseS3Url('https://b.s3.us-west-2.amazonaws.com/')).toBeUndefined();
    expect(parseS3Url('https://s3.amazonaws.com/b')).toBeUndefined();
    expect(parseS3Url('https://b.s3.us-west-2.amazonaws.com.evil.example/k')).toBeUndefined();
    expect(parseS3Url('not a url')).toBeUndefined();
  });
});

describe('staging through the workshop operator role (IAM enforced)', () => {
  const ACCESS = readFileSync('templates/access/learner-access.yaml', 'utf8');

  async function operatorOf(access: string) {
    const sandbox = createSandbox({ accountId: '246813579135' });
    const admin = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const externalId = 'scalelab-staging-test';
    const parameters = {
      PlatformPrincipalArn: 'arn:aws:iam::123456789012:role/scalelab-platform',
      ExternalId: externalId,
    };
    const preview = await prepareChangeSet({
      clients: admin,
      stackName: 'scalelab-access',
      templateBody: access,
      parameters,
    });
    await executeChangeSet(admin, 'scalelab-access', preview.changeSetId);
    await followStack(admin, 'scalelab-access', new Date(0), () => {}, { intervalMs: 1 });
    const outputs = (await currentStack(admin, 'scalelab-access'))?.Outputs ?? [];
    const roleArn = outputs.find((o) => o.OutputKey === 'OperatorRoleArn')?.OutputValue ?? '';
    return sandbox.clientsFor('us-east-1', { maxAttempts: 1, role: { roleArn, externalId } });
  }

  it('stages and deploys a large template as the operator role, into the bucket learner-access made', async () => {
    const operator = await operatorOf(ACCESS);
    const preview = await prepareChangeSet({
      clients: operator,
      stackName: 'scalelab-large',
      templateBody: largeTemplate(),
    });
    expect(preview.staged?.bucket).toBe('scalelab-staging-246813579135-us-east-1');
    await executeChangeSet(operator, 'scalelab-large', preview.changeSetId);
    const final = await followStack(operator, 'scalelab-large', new Date(0), () => {}, { intervalMs: 1 });
    expect(final.status).toBe('CREATE_COMPLETE');
  });

  it('explains a role that may not write to the staging bucket (a learner-access stack from before it)', async () => {
    const older = ACCESS.replace(/Action: \[s3:PutObject, s3:GetObject\]/, 'Action: [s3:GetObject]');
    expect(older).not.toBe(ACCESS);
    const operator = await operatorOf(older);
    await expect(
      prepareChangeSet({ clients: operator, stackName: 'scalelab-large', templateBody: largeTemplate() }),
    ).rejects.toMatchObject({
      code: 'staging-bucket-denied',
      message: expect.stringMatching(
        /Update the learner-access stack \(templates\/access\/learner-access\.yaml\) in us-east-1/,
      ),
    });
  });
});
