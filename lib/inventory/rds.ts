import type { DBInstance } from '@aws-sdk/client-rds';

/** Is `db` a read replica of `primary`? The source is an identifier in the same region, an ARN across regions. */
export function isReplicaOf(db: DBInstance, primary: DBInstance): boolean {
  const source = db.ReadReplicaSourceDBInstanceIdentifier;
  if (!source || !primary.DBInstanceIdentifier) return false;
  return (
    source === primary.DBInstanceIdentifier ||
    (primary.DBInstanceArn !== undefined && source === primary.DBInstanceArn) ||
    source.endsWith(`:db:${primary.DBInstanceIdentifier}`)
  );
}

/** The read replicas of `primary` among `all` (the DB instances of the lab VPC). */
export function replicasOf(primary: DBInstance, all: DBInstance[]): DBInstance[] {
  return all.filter((db) => db !== primary && isReplicaOf(db, primary));
}
