import {
  type DBCluster,
  type GlobalCluster,
  paginateDescribeDBClusters,
  paginateDescribeGlobalClusters,
} from '@aws-sdk/client-rds';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** Every DB cluster of the region (DescribeDBClusters), once per run; the lab's are picked by their members. */
export function loadDbClusters(clients: AwsClients, memo: Memo): Promise<DBCluster[]> {
  return memo.get('rds.dbClusters', () =>
    collect(paginateDescribeDBClusters({ client: clients.rds }, {}), (p) => p.DBClusters),
  );
}

/** Every Aurora global database of the account (DescribeGlobalClusters lists members across regions). */
export function loadGlobalClusters(clients: AwsClients, memo: Memo): Promise<GlobalCluster[]> {
  return memo.get('rds.globalClusters', () =>
    collect(paginateDescribeGlobalClusters({ client: clients.rds }, {}), (p) => p.GlobalClusters),
  );
}

/** `arn:aws:rds:us-west-2:111122223333:cluster:lab` → `us-west-2`. */
export const regionOfArn = (arn: string | undefined): string | undefined => arn?.split(':')[3] || undefined;
