import type { World } from './resources';
import { type ResourceRecord, resourceKey, type SandboxState } from './state';

/** The identifiers a resource answers to: its Ref, physical id, and the ids, names, ARNs and URLs in its attributes. */
function answersTo(r: ResourceRecord, value: string): boolean {
  if (r.ref === value || r.physicalId === value) return true;
  for (const [k, v] of Object.entries(r.attrs)) if (v === value && /(Arn|ARN|Id|Name|Url)$/.test(k)) return true;
  return false;
}

/**
 * The account as a deployment sees it: the state, with this operation's staged creations and deletions on top, so a
 * resource planned earlier in the same operation can be referenced by a later one.
 */
export class StagedWorld implements World {
  private readonly staged = new Map<string, ResourceRecord | null>();

  constructor(
    private readonly state: SandboxState,
    readonly region: string,
  ) {}

  get accountId(): string {
    return this.state.accountId;
  }

  put(record: ResourceRecord): void {
    this.staged.set(`${record.region}#${resourceKey(record.type, record.physicalId)}`, record);
  }

  remove(region: string, key: string): void {
    this.staged.set(`${region}#${key}`, null);
    for (const child of this.all('*', true).filter((r) => r.parent === key))
      this.remove(child.region, resourceKey(child.type, child.physicalId));
  }

  private records(region?: string): ResourceRecord[] {
    const out = new Map<string, ResourceRecord>();
    for (const [name, r] of Object.entries(this.state.regions)) {
      if (region && name !== region) continue;
      for (const [key, rec] of Object.entries(r.resources)) out.set(`${name}#${key}`, rec);
    }
    for (const [key, rec] of this.staged) {
      if (region && !key.startsWith(`${region}#`)) continue;
      if (rec) out.set(key, rec);
      else out.delete(key);
    }
    return [...out.values()];
  }

  get(key: string): ResourceRecord | undefined {
    const staged = this.staged.get(`${this.region}#${key}`);
    if (staged !== undefined) return staged ?? undefined;
    return this.state.regions[this.region]?.resources[key];
  }

  all(type: string, anyRegion = false): ResourceRecord[] {
    return this.records(anyRegion ? undefined : this.region).filter((r) => type === '*' || r.type === type);
  }

  find(type: string, value: unknown, anyRegion = false): ResourceRecord | undefined {
    if (value === undefined || value === null) return undefined;
    const text = String(value);
    return this.all(type, anyRegion).find((r) => answersTo(r, text));
  }

  childrenOf(key: string): ResourceRecord[] {
    return this.all('*', true).filter((r) => r.parent === key);
  }
}
