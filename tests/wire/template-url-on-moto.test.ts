import { CreateChangeSetCommand, DescribeChangeSetCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '@/lib/aws/account';
import { ApiCallLog } from '@/lib/aws/api-calls';
import { createClients } from '@/lib/aws/clients';
import { executeChangeSet, prepareChangeSet } from '@/lib/stacks/change-sets';
import { followStack } from '@/lib/stacks/follow';
import { largeTemplate } from '../stacks/large-template';
import { motoAvailable, startMoto } from './moto';

const hasMoto = motoAvailable();
// moto's default account (it answers GetCallerIdentity with it).
const MOTO_ACCOUNT = '123456789012';

/**
 * The real SDK path against moto: moto's CloudFormation reads a TemplateURL from moto's own S3
 * (moto/cloudformation/utils.py get_stack_from_s3_url), so the staged object really is what the change set is made of.
 */
describe.skipIf(!hasMoto)('templates over 51,200 bytes through S3 and TemplateURL (moto)', () => {
  let moto: Awaited<ReturnType<typeof startMoto>>;
  const saved = { ...process.env };
  const account: Account = { kind: 'profile', regions: ['us-west-2'] };

  beforeAll(async () => {
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-west-2',
    });
    moto = await startMoto();
    process.env.AWS_ENDPOINT_URL = moto.endpoint;
  }, 60_000);

  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  it('creates a change set from a TemplateURL after a PutObject (the plain SDK calls)', async () => {
    const clients = createClients(account, { region: 'us-west-2' });
    await clients.s3.send(
      new CreateBucketCommand({
        Bucket: 'plain-templates',
        CreateBucketConfiguration: { LocationConstraint: 'us-west-2' },
      }),
    );
    const body = largeTemplate(120, 'plain');
    await clients.s3.send(new PutObjectCommand({ Bucket: 'plain-templates', Key: 'big.yaml', Body: body }));
    const made = await clients.cloudformation.send(
      new CreateChangeSetCommand({
        StackName: 'plain-large',
        ChangeSetName: 'first',
        ChangeSetType: 'CREATE',
        TemplateURL: 'https://plain-templates.s3.us-west-2.amazonaws.com/big.yaml',
      }),
    );
    const described = await clients.cloudformation.send(
      new DescribeChangeSetCommand({ ChangeSetName: made.Id, StackName: 'plain-large' }),
    );
    expect(described.Changes?.length).toBe(120);
  });

  it('makes the staging bucket of a local-profile account on first need, stages once, and deploys', async () => {
    const log = new ApiCallLog();
    const clients = createClients(account, { region: 'us-west-2', log });
    const body = largeTemplate();
    const bucket = `scalelab-staging-${MOTO_ACCOUNT}-us-west-2`;
    const launch = () => prepareChangeSet({ clients, stackName: 'scalelab-large', templateBody: body });

    const first = await launch().catch((err: Error) => err);
    expect(log.counts()['S3.CreateBucket']).toBe(1);
    // The bucket as learner-access.yaml makes it: staged templates expire after a day, TLS only.
    const lifecycle = await clients.s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }));
    expect(lifecycle.Rules?.[0]).toMatchObject({
      Status: 'Enabled',
      Filter: { Prefix: 'templates/' },
      Expiration: { Days: 1 },
    });
    const policy = JSON.parse((await clients.s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy ?? '{}');
    expect(policy.Statement[0]).toMatchObject({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });

    let preview: Awaited<ReturnType<typeof launch>>;
    if (first instanceof Error) {
      // moto 5.2 applies a bucket policy's Deny without evaluating its Condition (iam/policy_conditions.py ignores a
      // key the request does not carry), so the TLS-only statement refuses every PutObject there; AWS would not.
      expect(first).toMatchObject({ code: 'staging-bucket-denied' });
      await clients.s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }));
      preview = await launch();
      expect(preview.staged).toMatchObject({ bucket, uploaded: true, createdBucket: false });
    } else {
      preview = first;
      expect(preview.staged).toMatchObject({ bucket, uploaded: true, createdBucket: true });
    }
    expect(preview.changes).toHaveLength(120);

    await executeChangeSet(clients, 'scalelab-large', preview.changeSetId);
    const final = await followStack(clients, 'scalelab-large', new Date(0), () => {}, { intervalMs: 50 });
    expect(final.status).toBe('CREATE_COMPLETE');
    const kept = await clients.cloudformation.send(new GetTemplateCommand({ StackName: 'scalelab-large' }));
    expect(kept.TemplateBody).toBe(body);
    const staged = await clients.s3.send(new GetObjectCommand({ Bucket: bucket, Key: preview.staged?.key }));
    expect(await staged.Body?.transformToString()).toBe(body);

    // The same template again: found by its key, not put twice (the change set itself has nothing to change).
    const puts = log.counts()['S3.PutObject'];
    await launch().catch(() => undefined);
    expect(log.counts()['S3.PutObject']).toBe(puts);
    expect(log.counts()['S3.CreateBucket']).toBe(1);
  }, 60_000);
});
