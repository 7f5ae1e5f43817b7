import { DescribeTimeToLiveCommand, paginateListTables, type TimeToLiveDescription } from '@aws-sdk/client-dynamodb';
import type { AwsClients } from '@/lib/aws/clients';
import { roleFirst } from './lab-resources';
import { collect, type Memo } from './memo';
import { loadLabTagged, mappingTag } from './tagging';

/** A lab table and its time-to-live setting (undefined when the table does not exist). */
export interface LabTable {
  name: string;
  ttl: TimeToLiveDescription | undefined;
}

/** `arn:aws:dynamodb:<region>:<account>:table/<name>` → name (not a stream's or an index's ARN). */
export function tableNameFromArn(arn: string): string | undefined {
  const m = /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/([^/]+)$/.exec(arn);
  return m?.[1];
}

/** Every table name of the region (ListTables), once per run. */
export function loadTableNames(clients: AwsClients, memo: Memo): Promise<string[]> {
  return memo.get('dynamodb.tableNames', () =>
    collect(paginateListTables({ client: clients.dynamodb }, {}), (p) => p.TableNames),
  );
}

/** Table names of the region that start with the lab stack's name (CloudFormation names unnamed tables so). */
export async function loadNamedTables(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  return (await loadTableNames(clients, memo)).filter((n) => n.startsWith(stackName));
}

/** Tables tagged `scalelab:lab=<stack>`, the `session-table` role first. */
export async function loadTaggedTables(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  const mappings = roleFirst(
    await loadLabTagged(clients, memo, stackName, 'dynamodb:table'),
    (m) => mappingTag(m, 'scalelab:role'),
    'session-table',
  );
  return mappings.flatMap((m) => {
    const name = tableNameFromArn(m.ResourceARN ?? '');
    return name ? [name] : [];
  });
}

/** A table's TTL setting, read once per run; undefined when the table does not exist. */
export function loadTimeToLive(
  clients: AwsClients,
  memo: Memo,
  table: string,
): Promise<TimeToLiveDescription | undefined> {
  return memo.get(`dynamodb.ttl:${table}`, async () => {
    try {
      const out = await clients.dynamodb.send(new DescribeTimeToLiveCommand({ TableName: table }));
      return out.TimeToLiveDescription ?? { TimeToLiveStatus: 'DISABLED' };
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  });
}

/** TTL deletes expired items: ENABLED, or on its way there. */
export const ttlOn = (ttl: TimeToLiveDescription | undefined): boolean =>
  ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
