import { readFileSync } from 'node:fs';
import { GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { type AwsClients, createClients } from '@/lib/aws/clients';
import { createSandbox } from '@/lib/sandbox';
import { currentStack, executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { MAX_TEMPLATE_BODY_BYTES, templateSource } from '@/lib/stacks/staging';
import { largeTemplate } from './large-template';

async function deploy(clients: AwsClients, stackName: string, templateBody: string) {
  const preview = await prepareChangeSet({ clients, stackName, templateBody });
  await executeChangeSet(clients, stackName, preview.changeSetId);
  const final = await followStack(clients, stackName, new Date(0), () => {}, { intervalMs: 1 });
  return { preview, status: final.status };
}

describe('templates over 51,200 bytes go through the staging bucket and TemplateURL', () => {
  it('deploys a generated template over the TemplateBody limit into the sandbox, and updates it', async () => {
    const sandbox = createSandbox({ accountId: '135792468013' });
    const clients = sandbox.clientsFor('us-east-1', { maxAttempts: 1 });
    const body = largeTemplate();
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_TEMPLATE_BODY_BYTES);

    const { preview, status } = await deploy(clients, 'scalelab-large', body);
    expect(status).toBe('CREATE_COMPLETE');
    expect(preview.changes).toHaveLength(120);
    expect(preview.staged).toMatchObject({
      bucket: 'scalelab-staging-135792468013-us-east-1',
      key: expect.stringMatching(/^templates\/scalelab-large\/[0-9a-f]{64}\.yaml$/),
      uploaded: true,
      createdBucket: false,
    });
    expect(preview.staged?.url).toBe(
      `https://scalelab-staging-135792468013-us-east-1.s3.us-east-1.amazonaws.com/${preview.staged?.key}`,
    );
    const staged = await clients.s3.send(
      new GetObjectCommand({ Bucket: preview.staged?.bucket, Key: preview.staged?.key }),
    );
    expect(await staged.Body?.transformToString()).toBe(body);
    const kept = await clients.cloudformation.send(new GetTemplateCommand({ StackName: 'scalelab-large' }));
    expect(kept.TemplateBody).toBe(body);

    const update = await deploy(clients, 'scalelab-large', largeTemplate(120, 'v2'));
    expect(update.status).toBe('UPDATE_COMPLETE');
    expect(update.preview.type).toBe('UPDATE');
    expect(update.preview.staged?.key).not.toBe(preview.staged?.key);
    expect((await currentStack(clients, 'scalelab-large'))?.Outputs?.[0]?.OutputKey).toBe('First');
  });

  it('sends a template up to 51,200 bytes as TemplateBody, uploading nothing', async () => {
    const log = new ApiCallLog();
    const clients = createSandbox().clientsFor('us-east-1', { log });
    const small = readFileSync('templates/00-one-user/solution.yaml', 'utf8');
    expect(await templateSource(clients, 'scalelab-small', small)).toEqual({ template: { TemplateBody: small } });
    expect(log.calls).toEqual([]);
  });

  it('skips the upload when the same content is staged already (the key is its SHA-256)', async () => {
    const log = new ApiCallLog();
    const clients = createSandbox().clientsFor('us-west-2', { log });
    const body = largeTemplate();
    const first = await templateSource(clients, 'scalelab-large', body);
    const second = await templateSource(clients, 'scalelab-large', body);
    expect(first.staged?.uploaded).toBe(true);
    expect(second.staged).toEqual({ ...first.staged, uploaded: false });
    expect(second.template).toEqual({ TemplateURL: expect.stringContaining('.s3.us-west-2.amazonaws.com/templates/') });
    expect(log.counts()['S3.PutObject']).toBe(1);
    expect(log.counts()['S3.HeadObject']).toBe(2);
  });

  it('says to deploy the learner-access stack when a workshop account has no staging bucket', async () => {
    const sandbox = createSandbox({ accountId: '111122223333' });
    // A role account whose learner-access stack predates the staging bucket: no bucket of that name exists.
    const account = {
      kind: 'role' as const,
      roleArn: 'arn:aws:iam::444455556666:role/ScaleLabOperator-us-east-1',
      externalId: 'x-1',
      accountId: '444455556666',
      regions: ['us-east-1'],
    };
    const clients = createClients(account, { region: 'us-east-1', responder: sandbox.responder, maxAttempts: 1 });
    await expect(templateSource(clients, 'scalelab-large', largeTemplate())).rejects.toMatchObject({
      name: 'StackError',
      code: 'staging-bucket-missing',
      message: expect.stringMatching(
        /staging bucket scalelab-staging-444455556666-us-east-1, which this account does not have in us-east-1\. Deploy \(or update\) the learner-access stack \(templates\/access\/learner-access\.yaml\) in us-east-1/,
      ),
    });
  });

  it('refuses a template over 1 MB before anything is uploaded', async () => {
    const log = new ApiCallLog();
    const clients = createSandbox().clientsFor('us-east-1', { log });
    await expect(templateSource(clients, 'scalelab-huge', largeTemplate(2300))).rejects.toMatchObject({
      code: 'template-too-large',
      message: expect.stringMatching(/^The template is [\d,]+ bytes; CloudFormation reads at most 1,000,000 bytes/),
    });
    expect(log.calls).toEqual([]);
  });
});
