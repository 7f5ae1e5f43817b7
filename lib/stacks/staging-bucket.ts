/**
 * The staging bucket of a local-profile account, made on the first template that needs it, with the settings
 * templates/access/learner-access.yaml gives a workshop account's (StagingBucket there): public access blocked, SSE-S3,
 * no versioning, staged templates expired after 1 day, TLS required. The editor says beforehand that a large template
 * goes through this bucket; the launch preview says when ScaleLab created it.
 */
import {
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import type { AwsClients } from '@/lib/aws/clients';
import { STAGING_PREFIX } from '@/lib/aws/staging-bucket';
import { StackError } from './errors';

/** Amazon S3 User Guide, "Enforce encryption in transit": deny any request made without TLS. */
export function tlsOnlyPolicy(bucket: string) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'TlsRequestsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  };
}

export async function createStagingBucket(clients: AwsClients, bucket: string): Promise<void> {
  const { s3, region } = clients;
  try {
    await s3.send(
      new CreateBucketCommand({
        Bucket: bucket,
        ObjectOwnership: 'BucketOwnerEnforced',
        // us-east-1 is S3's default Region and takes no LocationConstraint (CreateBucket › LocationConstraint).
        ...(region === 'us-east-1' ? {} : { CreateBucketConfiguration: { LocationConstraint: region as 'us-west-2' } }),
      }),
    );
  } catch (err) {
    const name = (err as Error).name;
    if (name === 'BucketAlreadyExists')
      throw new StackError(
        'staging-bucket-denied',
        `The staging bucket name ${bucket} is taken by another AWS account, so ScaleLab cannot stage large templates for this account in ${region}.`,
        `스테이징 버킷 이름 ${bucket}을(를) 다른 AWS 계정이 쓰고 있어서, ScaleLab이 ${region}에서 이 계정의 큰 템플릿을 스테이징할 수 없습니다.`,
      );
    if (name !== 'BucketAlreadyOwnedByYou') throw err;
  }
  await s3.send(
    new PutPublicAccessBlockCommand({
      Bucket: bucket,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    }),
  );
  await s3.send(
    new PutBucketEncryptionCommand({
      Bucket: bucket,
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    }),
  );
  await s3.send(
    new PutBucketLifecycleConfigurationCommand({
      Bucket: bucket,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: 'ExpireStagedTemplates',
            Status: 'Enabled',
            Filter: { Prefix: STAGING_PREFIX },
            Expiration: { Days: 1 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          },
        ],
      },
    }),
  );
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify(tlsOnlyPolicy(bucket)) }));
  await s3.send(
    new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'scalelab:role', Value: 'staging' }] } }),
  );
}
