import { paginateGetResources } from '@aws-sdk/client-resource-groups-tagging-api';
import type { AwsClients } from '@/lib/aws/clients';

export interface Survivor {
  arn: string;
  /** `ec2:instance`, `rds:db`, ... read from the ARN. */
  type: string;
}

/**
 * After a delete: anything still tagged `scalelab:lab=<stack>` in the region (a piece built by hand, an Elastic IP left
 * allocated, a retained snapshot) — what would keep costing money. One paginated Resource Groups Tagging API query.
 */
export async function findSurvivors(clients: AwsClients, stackName: string): Promise<Survivor[]> {
  const out: Survivor[] = [];
  const pages = paginateGetResources(
    { client: clients.tagging },
    { TagFilters: [{ Key: 'scalelab:lab', Values: [stackName] }], ResourcesPerPage: 100 },
  );
  for await (const page of pages) {
    for (const r of page.ResourceTagMappingList ?? []) {
      if (!r.ResourceARN) continue;
      const [, , service = '', , , rest = ''] = r.ResourceARN.split(':');
      out.push({ arn: r.ResourceARN, type: `${service}:${rest.split(/[/:]/)[0]}` });
    }
  }
  return out;
}
