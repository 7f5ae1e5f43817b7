import { paginateListDashboards } from '@aws-sdk/client-cloudwatch';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/** CloudWatch dashboards whose name starts with the lab stack's name. */
export function loadLabDashboards(clients: AwsClients, memo: Memo, stackName: string): Promise<string[]> {
  return memo.get('cloudwatch.labDashboards', async () => {
    const entries = await collect(
      paginateListDashboards({ client: clients.cloudwatch }, { DashboardNamePrefix: stackName }),
      (p) => p.DashboardEntries,
    );
    return entries.flatMap((d) => (d.DashboardName?.startsWith(stackName) ? [d.DashboardName] : []));
  });
}
