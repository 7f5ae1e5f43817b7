import type { Tag } from './state';

export interface Filter {
  Name?: string;
  Values?: string[];
}

/** EC2-style filter values: `*` and `?` wildcards. */
function valueMatches(pattern: string, value: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern === value;
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
  return re.test(value);
}

/**
 * Does an item pass every filter (AND across filters, OR across a filter's values)? `fields` maps a filter name to the
 * item's values for it; `tag:<key>` and `tag-key` come from its tags. An unknown filter name matches nothing, as
 * AWS rejects it; callers list the names they support.
 */
export function matchesFilters(
  filters: Filter[] | undefined,
  fields: Record<string, (string | number | boolean | undefined)[] | string | number | boolean | undefined>,
  tags: Tag[] = [],
): boolean {
  for (const f of filters ?? []) {
    const name = f.Name ?? '';
    const wanted = f.Values ?? [];
    let have: string[];
    if (name.startsWith('tag:')) {
      const key = name.slice(4);
      have = tags.filter((t) => t.Key === key).map((t) => t.Value);
    } else if (name === 'tag-key') {
      have = tags.map((t) => t.Key);
    } else if (name === 'tag-value') {
      have = tags.map((t) => t.Value);
    } else {
      const raw = fields[name];
      if (!(name in fields)) return false;
      have = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined).map(String);
    }
    if (!wanted.some((w) => have.some((h) => valueMatches(w, h)))) return false;
  }
  return true;
}

/** The `Filters` of an input, typed. */
export const filtersOf = (input: Record<string, unknown>): Filter[] | undefined =>
  input.Filters as Filter[] | undefined;
