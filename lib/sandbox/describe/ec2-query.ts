import type { CallContext } from '../context';
import { awsError } from '../errors';
import { page } from '../pagination';
import type { ResourceRecord, Tag } from '../state';

/** Tags as EC2 shows them (the `aws:cloudformation:*` ones included, as AWS does). */
export const ec2Tags = (r: ResourceRecord): Tag[] => r.tags;

/** Ids asked for that do not exist fail the whole call, as EC2 does. */
export function byIds<T extends ResourceRecord>(items: T[], ids: unknown, code: string, noun: string): T[] {
  if (!Array.isArray(ids) || !ids.length) return items;
  const missing = ids.filter((id) => !items.some((i) => i.physicalId === id));
  if (missing.length) throw awsError(code, `The ${noun} ID '${missing.join("', '")}' does not exist`);
  return items.filter((i) => ids.includes(i.physicalId));
}

/** One page of an EC2 list under its output key, with EC2's MaxResults / NextToken. */
export function paged<T>(ctx: CallContext, items: T[], key: string) {
  const p = page(items, ctx.input, { sizeKey: 'MaxResults', tokenKey: 'NextToken', maxSize: 1000 });
  return { [key]: p.items, ...p.token };
}
