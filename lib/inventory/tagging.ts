import { paginateGetResources, type ResourceTagMapping } from '@aws-sdk/client-resource-groups-tagging-api';
import type { AwsClients } from '@/lib/aws/clients';
import { collect, type Memo } from './memo';

/**
 * Resources of one type tagged `scalelab:lab=<stack>`: one Resource Groups Tagging API call per type and run instead
 * of a tag read per resource. `type` is a `ResourceTypeFilters` entry (`dynamodb:table`, `s3`).
 */
export function loadLabTagged(
  clients: AwsClients,
  memo: Memo,
  stackName: string,
  type: string,
): Promise<ResourceTagMapping[]> {
  return memo.get(`tagging.lab:${type}`, () =>
    collect(
      paginateGetResources(
        { client: clients.tagging },
        { TagFilters: [{ Key: 'scalelab:lab', Values: [stackName] }], ResourceTypeFilters: [type] },
      ),
      (p) => p.ResourceTagMappingList,
    ),
  );
}

export const mappingTag = (m: ResourceTagMapping, key: string): string | undefined =>
  m.Tags?.find((t) => t.Key === key)?.Value;
