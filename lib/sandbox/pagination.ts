import { awsError } from './errors';

export interface PageOptions {
  /** Input key of the page size: MaxResults (EC2), MaxRecords (RDS, ElastiCache), PageSize (ELBv2) ... */
  sizeKey?: string;
  /** Input key of the token: NextToken, Marker ... */
  tokenKey?: string;
  /** Output key of the next token (defaults to tokenKey; RDS answers Marker, ELBv2 NextMarker). */
  outputTokenKey?: string;
  defaultSize?: number;
  maxSize?: number;
}

/** One page of `items` as AWS pages: an opaque token that encodes the offset, absent on the last page. */
export function page<T>(
  items: T[],
  input: Record<string, unknown>,
  options: PageOptions = {},
): { items: T[]; token: Record<string, string> } {
  const sizeKey = options.sizeKey ?? 'MaxResults';
  const tokenKey = options.tokenKey ?? 'NextToken';
  const outKey = options.outputTokenKey ?? tokenKey;
  const max = options.maxSize ?? 1000;
  const size = Math.min(Number(input[sizeKey] ?? options.defaultSize ?? max) || max, max);
  const token = input[tokenKey];
  let offset = 0;
  if (typeof token === 'string' && token) {
    const decoded = Number(
      Buffer.from(token, 'base64url')
        .toString('utf8')
        .replace(/^sandbox:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) throw awsError('InvalidNextToken', `Invalid ${tokenKey}: ${token}`);
    offset = decoded;
  }
  const slice = items.slice(offset, offset + size);
  const next = offset + size < items.length ? Buffer.from(`sandbox:${offset + size}`).toString('base64url') : undefined;
  return { items: slice, token: next ? { [outKey]: next } : {} };
}
