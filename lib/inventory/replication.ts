import {
  GetBucketLocationCommand,
  GetBucketReplicationCommand,
  type ReplicationConfiguration,
} from '@aws-sdk/client-s3';
import type { AwsClients } from '@/lib/aws/clients';
import type { Memo } from './memo';

/** A bucket's replication configuration, undefined when it has none (ReplicationConfigurationNotFoundError). */
export function loadReplication(
  clients: AwsClients,
  memo: Memo,
  bucket: string,
): Promise<ReplicationConfiguration | undefined> {
  return memo.get(`s3.replication:${bucket}`, async () => {
    try {
      return (await clients.s3.send(new GetBucketReplicationCommand({ Bucket: bucket }))).ReplicationConfiguration;
    } catch (err) {
      if ((err as Error).name === 'ReplicationConfigurationNotFoundError') return undefined;
      throw err;
    }
  });
}

/**
 * The region a bucket lives in (GetBucketLocation): an empty LocationConstraint is us-east-1 and `EU` is eu-west-1,
 * as the S3 API reference says. Undefined when the bucket does not exist.
 */
export function loadBucketRegion(clients: AwsClients, memo: Memo, bucket: string): Promise<string | undefined> {
  return memo.get(`s3.location:${bucket}`, async () => {
    try {
      const out = await clients.s3.send(new GetBucketLocationCommand({ Bucket: bucket }));
      const c = out.LocationConstraint as string | undefined;
      return !c ? 'us-east-1' : c === 'EU' ? 'eu-west-1' : c;
    } catch (err) {
      if ((err as Error).name === 'NoSuchBucket') return undefined;
      throw err;
    }
  });
}

/** `arn:aws:s3:::bucket` → `bucket`. */
export const bucketFromArn = (arn: string | undefined): string | undefined =>
  arn?.startsWith('arn:') ? arn.split(':::')[1] : arn;
