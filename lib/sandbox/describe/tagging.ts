import { loadSpec } from '@/lib/cfn';
import type { Handlers } from '../context';
import { page } from '../pagination';
import type { ResourceRecord } from '../state';

/** The service and resource-type part of an ARN for a sandbox resource that has no `Arn` attribute of its own. */
function arnOf(r: ResourceRecord, accountId: string): string {
  const own = (r.attrs.Arn ?? r.attrs.DBInstanceArn ?? r.attrs.LoadBalancerArn) as string | undefined;
  if (typeof own === 'string' && own.startsWith('arn:')) return own;
  const [, service = 'unknown', kind = 'resource'] = r.type.split('::');
  const resource = kind
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
  return `arn:aws:${service.toLowerCase()}:${r.region}:${accountId}:${resource}/${r.physicalId}`;
}

/** Does an ARN match a `ResourceTypeFilters` entry: `service` or `service:resourceType` (`dynamodb:table`)? */
function matchesType(arn: string, filters: string[]): boolean {
  if (!filters.length) return true;
  const [, , service = '', , , ...rest] = arn.split(':');
  const kind = rest.join(':').split(/[/:]/)[0] ?? '';
  return filters.some((f) => {
    const [fs, fk] = f.split(':');
    return fs === service && (fk === undefined || fk === kind);
  });
}

/** Resource Groups Tagging API: what is tagged how, across services (the clean-up survivor check uses it). */
export const taggingHandlers: Handlers = {
  'ResourceGroupsTaggingAPI.GetResources': async (ctx) => {
    const spec = await loadSpec();
    const filters = (ctx.input.TagFilters ?? []) as { Key: string; Values?: string[] }[];
    // Only what AWS can tag: a route or an association carries no tags, whatever the stack's tags were.
    const taggable = (type: string) => Boolean(spec.resource(type)?.properties.Tags) || type === 'AWS::EC2::Instance';
    const resources = Object.values(ctx.state.regions[ctx.region]?.resources ?? {}).filter(
      (r) =>
        taggable(r.type) &&
        filters.every((f) => r.tags.some((t) => t.Key === f.Key && (!f.Values?.length || f.Values.includes(t.Value)))),
    );
    const types = (ctx.input.ResourceTypeFilters ?? []) as string[];
    const mappings = resources
      .map((r) => ({
        ResourceARN: arnOf(r, ctx.state.accountId),
        Tags: r.tags.map((t) => ({ Key: t.Key, Value: t.Value })),
      }))
      .filter((m) => matchesType(m.ResourceARN, types));
    const p = page(mappings, ctx.input, { sizeKey: 'ResourcesPerPage', tokenKey: 'PaginationToken', maxSize: 100 });
    return { ResourceTagMappingList: p.items, PaginationToken: p.token.PaginationToken ?? '' };
  },
};
