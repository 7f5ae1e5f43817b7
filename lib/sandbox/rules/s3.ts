/** Amazon S3: bucket names are one namespace for every account; replication needs versioning at both ends. */
import { otherAccounts } from '../accounts';
import type { ModelContext } from '../resources';
import { obj, str } from '../resources/model';
import { resourcesOf } from '../state';
import { isSelf, records, refuse, rule } from './rule';

const BUCKET = 'AWS::S3::Bucket';

const versioned = (props: Record<string, unknown>) =>
  str(obj(props, 'VersioningConfiguration'), 'Status') === 'Enabled';

/** A bucket of this name anywhere: this account (any Region) or another account of the partition. */
function bucketNamed(ctx: ModelContext, name: string) {
  const own = ctx.world.all(BUCKET, true).find((b) => b.physicalId === name && !isSelf(ctx, b));
  if (own) return { bucket: own, ours: true };
  for (const other of otherAccounts(ctx.accountId)) {
    const theirs = resourcesOf(other, BUCKET).find((b) => b.physicalId === name);
    if (theirs) return { bucket: theirs, ours: false };
  }
  return undefined;
}

// S3 User Guide › General purpose bucket naming rules: "Bucket names must be unique across all AWS accounts in all
// the AWS Regions within a partition." CloudFormation provisions AWS::S3::Bucket without a registry handler, so the
// stack event carries S3's answer as it is: "<name> already exists" (BucketAlreadyExists from another account,
// BucketAlreadyOwnedByYou from your own; CloudFormation names the stack that owns it when one does).
export const bucketNameUnique = rule({
  id: 's3.bucket-name-global',
  types: [BUCKET],
  says: 'A bucket name is unique across all accounts and Regions of the partition.',
  source: {
    title: 'Amazon S3 User Guide: General purpose bucket naming rules',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html',
  },
  check(ctx) {
    const name = str(ctx.props, 'BucketName');
    if (!name || ctx.existing?.physicalId === name) return;
    const found = bucketNamed(ctx, name);
    if (!found) return;
    if (!found.ours) refuse(`${name} already exists`, 'BucketAlreadyExists', { wording: 'legacy', status: 409 });
    const owner = found.bucket.stack?.stackId;
    refuse(owner ? `${name} already exists in stack ${owner}` : `${name} already exists`, 'BucketAlreadyOwnedByYou', {
      wording: 'legacy',
      status: 409,
    });
  },
});

/** The bucket a replication rule's destination ARN names, in any Region or account the sandbox knows. */
function destination(ctx: ModelContext, arn: string) {
  const name = arn.replace(/^arn:aws:s3:::/, '');
  return (
    ctx.world.all(BUCKET, true).find((b) => b.physicalId === name) ??
    otherAccounts(ctx.accountId)
      .flatMap((s) => resourcesOf(s, BUCKET))
      .find((b) => b.physicalId === name)
  );
}

// S3 User Guide › Replicating objects within and across Regions › "Requirements and considerations for
// replication": both source and destination buckets must have S3 Versioning enabled.
export const replicationNeedsVersioning = rule({
  id: 's3.replication-needs-versioning',
  types: [BUCKET],
  says: 'Replication needs versioning enabled on the source bucket and on every destination bucket.',
  source: {
    title: 'Amazon S3 User Guide: Requirements and considerations for replication',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/replication-requirements.html',
  },
  check(ctx) {
    const rules = records(obj(ctx.props, 'ReplicationConfiguration').Rules);
    if (!rules.length) return;
    if (!versioned(ctx.props))
      refuse("Versioning must be 'Enabled' on the bucket to apply a replication configuration", 'InvalidRequest', {
        wording: 'legacy',
      });
    for (const r of rules) {
      const target = destination(ctx, String(obj(r, 'Destination').Bucket ?? ''));
      if (!target) refuse('Destination bucket must exist.', 'InvalidRequest', { wording: 'legacy', status: 404 });
      if (!versioned(target.props))
        refuse('Destination bucket must have versioning enabled.', 'InvalidRequest', { wording: 'legacy' });
    }
  },
});

export const s3Rules = [bucketNameUnique, replicationNeedsVersioning];
